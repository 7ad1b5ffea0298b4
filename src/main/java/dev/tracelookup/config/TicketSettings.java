package dev.tracelookup.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code tickets:} section: one entry per connected system, secrets named by environment
 * variables; a system that is not listed is simply not connected.
 */
final class TicketSettings {
  private static final Map<String, String> INTERCOM_APIS =
      Map.of(
          "us",
          "https://api.intercom.io",
          "eu",
          "https://api.eu.intercom.io",
          "au",
          "https://api.au.intercom.io");

  private TicketSettings() {}

  static Config.Tickets read(Settings settings, Map<String, String> env) {
    List<Config.TicketSystem> systems = new ArrayList<>();
    for (TicketSystemType system : TicketSystemType.values()) {
      JsonNode node = settings.node("tickets." + system.configName());
      if (!node.isMissingNode() && !node.isNull()) {
        system(settings, env, system, node).ifPresent(systems::add);
      }
    }
    return new Config.Tickets(
        systems,
        settings.duration("tickets.window.around-stated", Duration.ofMinutes(15), "15m"),
        settings.duration("tickets.window.before-created", Duration.ofHours(2), "2h"),
        settings.duration("tickets.window.after-created", Duration.ofMinutes(15), "15m"),
        map(settings.node("tickets.zendesk.aliases")),
        settings.node("tickets.jira.hosts").isMissingNode()
            ? List.of()
            : settings.strings("tickets.jira.hosts", List.of()),
        map(settings.node("tickets.freshdesk.aliases")));
  }

  private static Optional<Config.TicketSystem> system(
      Settings settings, Map<String, String> env, TicketSystemType system, JsonNode node) {
    String key = "tickets." + system.configName();
    boolean jira = system == TicketSystemType.JIRA;
    String variant =
        node.path(jira ? "deployment" : "region")
            .asText(jira ? "cloud" : system == TicketSystemType.INTERCOM ? "us" : "");
    Optional<URI> url = url(settings, key, system, variant, node);
    boolean needsLogin = system == TicketSystemType.ZENDESK || (jira && variant.equals("cloud"));
    Optional<String> login =
        needsLogin
            ? fromEnv(settings, env, key + ".email-env", node.path("email-env"))
            : Optional.empty();
    Optional<String> token = fromEnv(settings, env, key + ".token-env", node.path("token-env"));
    if (url.isEmpty() || token.isEmpty() || (needsLogin && login.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new Config.TicketSystem(
            system,
            url.get(),
            text(node, "host"),
            variant,
            login,
            new Secret(token.get()),
            text(node, "user-id-field"),
            text(node, "stated-time-field"),
            write(settings, env, system, key, node, login, needsLogin)));
  }

  /**
   * Reads the note-writing credential: {@code write-token-env}, with {@code write-email-env} where
   * the system needs an email (it defaults to the reading account's), and Intercom's {@code
   * admin-id}. None named: the bot reads the system and never writes to it.
   */
  private static Optional<Config.TicketWrite> write(
      Settings settings,
      Map<String, String> env,
      TicketSystemType system,
      String key,
      JsonNode node,
      Optional<String> readLogin,
      boolean needsLogin) {
    if (node.path("write-token-env").isMissingNode()) {
      return Optional.empty();
    }
    Optional<String> token =
        fromEnv(settings, env, key + ".write-token-env", node.path("write-token-env"));
    Optional<String> login =
        needsLogin && !node.path("write-email-env").isMissingNode()
            ? fromEnv(settings, env, key + ".write-email-env", node.path("write-email-env"))
            : readLogin;
    Optional<String> adminId = text(node, "admin-id");
    if (system == TicketSystemType.INTERCOM && adminId.isEmpty()) {
      settings.problem(
          key + ".admin-id",
          "names the Intercom teammate notes are written as; it is required with write-token-env",
          "\"4123456\"");
      return Optional.empty();
    }
    if (token.isEmpty() || (needsLogin && login.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new Config.TicketWrite(login, new Secret(token.get()), adminId));
  }

  private static Optional<URI> url(
      Settings settings, String key, TicketSystemType system, String variant, JsonNode node) {
    if (system == TicketSystemType.INTERCOM) {
      String api = INTERCOM_APIS.get(variant);
      if (api == null) {
        settings.problem(key + ".region", "\"" + variant + "\" is not us, eu or au", "eu");
        return Optional.empty();
      }
      return Optional.of(URI.create(node.path("url").asText(api)));
    }
    if (system == TicketSystemType.JIRA
        && !variant.equals("cloud")
        && !variant.equals("data-center")) {
      settings.problem(
          key + ".deployment", "\"" + variant + "\" is not cloud or data-center", "cloud");
    }
    String text = node.path("url").asText("");
    if (!text.startsWith("https://") && !text.startsWith("http://")) {
      settings.problem(
          key + ".url",
          "\"" + text + "\" is not the instance's http(s) URL",
          system.exampleUrl().orElseThrow());
      return Optional.empty();
    }
    return Optional.of(URI.create(text));
  }

  private static Optional<String> fromEnv(
      Settings settings, Map<String, String> env, String key, JsonNode variable) {
    if (variable.isMissingNode() || variable.asText().isBlank()) {
      settings.problem(
          key,
          "names the environment variable with the credential; it is required",
          "ZENDESK_API_TOKEN");
      return Optional.empty();
    }
    Optional<Secret> value = ConfigLoader.secret(env, variable.asText());
    if (value.isEmpty()) {
      settings.problem(
          key,
          "names " + variable.asText() + ", which is not set in the environment",
          variable.asText());
    }
    return value.map(Secret::value);
  }

  private static Optional<String> text(JsonNode node, String field) {
    String value = node.path(field).asText("");
    return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
    return map;
  }
}
