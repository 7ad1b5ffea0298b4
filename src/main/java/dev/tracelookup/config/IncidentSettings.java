package dev.tracelookup.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.time.DurationText;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks the {@code incidents:} section: its sources and the customer reply templates.
 */
final class IncidentSettings {
  private IncidentSettings() {}

  static Config.Incidents read(Settings settings, Map<String, String> env, Path base) {
    List<Config.IncidentSource> sources = new ArrayList<>();
    JsonNode list = settings.node("incidents.sources");
    if (list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        source(settings, env, base, "incidents.sources[" + i + "]", list.get(i))
            .ifPresent(sources::add);
      }
    } else if (!list.isMissingNode() && !list.isNull()) {
      settings.problem(
          "incidents.sources", "must be a list of sources", "[{type: file, path: incidents.yml}]");
    }
    Optional<Path> withIncident = file(settings, base, "incidents.reply.with-incident");
    Optional<Path> without = file(settings, base, "incidents.reply.without-incident");
    return new Config.Incidents(
        sources,
        settings.duration("incidents.declared-late", Duration.ofMinutes(15), "15m"),
        settings.duration("incidents.resolved-early", Duration.ofMinutes(5), "5m"),
        withIncident,
        without,
        actions(settings));
  }

  private static Optional<Config.IncidentSource> source(
      Settings settings, Map<String, String> env, Path base, String key, JsonNode node) {
    String typeName = node.path("type").asText("");
    Optional<IncidentSourceType> known = IncidentSourceType.fromConfigName(typeName);
    if (known.isEmpty()) {
      settings.problem(
          key + ".type",
          "\"" + typeName + "\" is not one of " + IncidentSourceType.configNames(),
          "statuspage");
      return Optional.empty();
    }
    IncidentSourceType type = known.get();
    String name = node.path("name").asText(typeName);
    Optional<Path> path = Optional.empty();
    if (type == IncidentSourceType.FILE) {
      path = Optional.of(base.resolve(node.path("path").asText("incidents.yml")).normalize());
      if (!Files.isRegularFile(path.get())) {
        settings.problem(
            key + ".path", "the file " + path.get() + " does not exist", "demo/incidents.yml");
      }
    }
    Optional<URI> url = url(settings, key, type, node);
    Optional<Secret> secret = secret(settings, env, key, type, node);
    Optional<String> pageId =
        Optional.ofNullable(node.get("page-id")).map(JsonNode::asText).filter(s -> !s.isBlank());
    Duration ttl =
        DurationText.parse(node.path("ttl").asText("1m"))
            .filter(d -> !d.isZero())
            .orElseGet(
                () -> {
                  settings.problem(key + ".ttl", "is not a positive duration", "1m");
                  return Duration.ofMinutes(1);
                });
    return Optional.of(
        new Config.IncidentSource(
            type, name, path, url, pageId, secret, ttl, services(node.path("services"))));
  }

  private static Optional<URI> url(
      Settings settings, String key, IncidentSourceType type, JsonNode node) {
    if (type == IncidentSourceType.FILE) {
      return Optional.empty();
    }
    String text = node.path("url").asText(type.defaultUrl().orElse(""));
    if (!text.startsWith("https://") && !text.startsWith("http://")) {
      settings.problem(
          key + ".url", "\"" + text + "\" is not an http(s) URL", "https://status.example.com");
      return Optional.empty();
    }
    return Optional.of(URI.create(text));
  }

  private static Optional<Secret> secret(
      Settings settings,
      Map<String, String> env,
      String key,
      IncidentSourceType type,
      JsonNode node) {
    JsonNode variable = node.get("token-env");
    if (variable == null) {
      // The APIs always need a key; Statuspage only for its management API, which a page ID
      // selects.
      if (type == IncidentSourceType.PAGERDUTY
          || type == IncidentSourceType.INCIDENT_IO
          || node.has("page-id")) {
        settings.problem(
            key + ".token-env",
            "names the environment variable holding the API key; it is required here",
            "PAGERDUTY_TOKEN");
      }
      return Optional.empty();
    }
    Optional<Secret> secret = ConfigLoader.secret(env, variable.asText());
    if (secret.isEmpty()) {
      settings.problem(
          key + ".token-env",
          "names " + variable.asText() + ", which is not set in the environment",
          variable.asText());
    }
    return secret;
  }

  private static Map<String, List<String>> services(JsonNode node) {
    Map<String, List<String>> services = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            field -> {
              List<String> names = new ArrayList<>();
              if (field.getValue().isArray()) {
                field.getValue().forEach(name -> names.add(name.asText()));
              } else {
                names.add(field.getValue().asText());
              }
              services.put(field.getKey(), names);
            });
    return services;
  }

  private static Optional<Path> file(Settings settings, Path base, String key) {
    Optional<Path> path = settings.optionalString(key).map(name -> base.resolve(name).normalize());
    path.filter(p -> !Files.isRegularFile(p))
        .ifPresent(
            p ->
                settings.problem(
                    key, "the template " + p + " does not exist", "reply-incident.txt"));
    return path;
  }

  private static Map<String, String> actions(Settings settings) {
    Map<String, String> actions = new LinkedHashMap<>();
    settings
        .node("incidents.reply.actions")
        .fields()
        .forEachRemaining(field -> actions.put(field.getKey(), field.getValue().asText()));
    return actions;
  }
}
