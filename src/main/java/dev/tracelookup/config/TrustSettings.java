package dev.tracelookup.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code access:} and {@code audit:} sections. */
final class TrustSettings {
  private static final Pattern CHANNEL = Pattern.compile("[CG][A-Z0-9]{2,}");
  private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,}");
  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern TEAM = Pattern.compile("[TE][A-Z0-9]{2,}");

  private TrustSettings() {}

  static Config.Access access(Settings settings) {
    return new Config.Access(
        ids(settings, "access.channels", CHANNEL, "C0123SUPPORT"),
        ids(settings, "access.user-groups", GROUP, "S0123AGENTS"),
        ids(settings, "access.users", USER, "U0123ALICE"),
        settings.string("access.ask", "the team that runs trace-lookup"),
        settings.duration("access.group-ttl", Duration.ofMinutes(5), "5m"),
        external(settings),
        ids(settings, "access.teams", TEAM, "T0123PARTNER"));
  }

  /** {@code refuse} (the default) or {@code allow} people of other workspaces and organisations. */
  private static boolean external(Settings settings) {
    String external = settings.string("access.external", "refuse");
    if (!external.equals("refuse") && !external.equals("allow")) {
      settings.problem("access.external", "\"" + external + "\" is not refuse or allow", "refuse");
    }
    return external.equals("allow");
  }

  static Config.Audit audit(Settings settings, Path base) {
    String destination = settings.string("audit.destination", "stdout");
    long maxBytes = settings.number("audit.max-bytes", 10_485_760, 1024, Long.MAX_VALUE);
    int keep = (int) settings.number("audit.keep", 5, 1, 1000);
    boolean deliver = deliverOnFailure(settings);
    if (destination.equals("stdout")) {
      return new Config.Audit(Optional.empty(), maxBytes, keep, deliver);
    }
    if (!destination.equals("file")) {
      settings.problem(
          "audit.destination", "\"" + destination + "\" is not stdout or file", "file");
      return new Config.Audit(Optional.empty(), maxBytes, keep, deliver);
    }
    Path path = base.resolve(settings.string("audit.path", "logs/audit.jsonl")).normalize();
    return new Config.Audit(Optional.of(path), maxBytes, keep, deliver);
  }

  /** {@code refuse} (the default: no customer data the log does not record) or {@code deliver}. */
  private static boolean deliverOnFailure(Settings settings) {
    String onFailure = settings.string("audit.on-failure", "refuse");
    if (!onFailure.equals("refuse") && !onFailure.equals("deliver")) {
      settings.problem(
          "audit.on-failure", "\"" + onFailure + "\" is not refuse or deliver", "refuse");
    }
    return onFailure.equals("deliver");
  }

  /**
   * Reads a list of Slack IDs; names rather than IDs are refused, since Slack renames never change
   * IDs.
   */
  private static List<String> ids(Settings settings, String key, Pattern shape, String example) {
    JsonNode node = settings.node(key);
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      settings.problem(key, "must be a list of Slack IDs", "[" + example + "]");
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : node) {
      String id = item.asText("").trim();
      if (shape.matcher(id).matches()) {
        ids.add(id);
      } else {
        settings.problem(
            key,
            "\"" + id + "\" is not a Slack ID (names change; IDs do not)",
            "[" + example + "]");
      }
    }
    return ids;
  }
}
