package dev.tracelookup.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracelookup.time.DateOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the configuration: the YAML file named by {@code TRACE_LOOKUP_CONFIG} (default {@code
 * config/trace-lookup.yml}), with secrets and deployment settings from the environment.
 *
 * <p>Pure apart from reading that one file: the environment comes in as a map, so tests pass their
 * own. Relative paths in the file are resolved against the file's own directory, so the bot works
 * whatever directory it is started from.
 */
public final class ConfigLoader {
  public static final String DEFAULT_CONFIG = "config/trace-lookup.yml";
  static final String DEFAULT_USER_ID_PATTERN = "^[A-Za-z0-9_.:@+\\-]{1,128}$";
  // Read as a tree and checked key by key, so Jackson's defaults; the incidents file binds strictly
  // with its own mapper (YamlIncidentSource).
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /** Returns the validated configuration, or throws listing every problem found. */
  public static Config load(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Path file = Path.of(env.getOrDefault("TRACE_LOOKUP_CONFIG", DEFAULT_CONFIG));
    JsonNode root = readFile(file, problems);
    Settings settings = new Settings(root, problems);
    Path base = file.toAbsolutePath().getParent();
    Config.Server server = server(settings, env);
    Config.Slack slack = slack(settings, env);
    Config.Backend backend = BackendSettings.read(settings, env, base);
    Config.Lookup lookup = lookup(settings);
    Config.Cache cache = cache(settings);
    Config.Incidents incidents =
        IncidentSettings.read(settings, env, base == null ? Path.of(".") : base);
    Config.Tickets tickets = TicketSettings.read(settings, env);
    Config.Access access = TrustSettings.access(settings);
    Config.Audit audit = TrustSettings.audit(settings, base == null ? Path.of(".") : base);
    Config.Privacy privacy = privacy(settings, env);
    Config.Blast blast = blast(settings);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Config(
        server, slack, backend, lookup, cache, incidents, tickets, access, audit, privacy, blast);
  }

  private static Config.Blast blast(Settings settings) {
    return new Config.Blast(
        settings.duration("blast.around", Duration.ofMinutes(30), "30m"),
        (int) settings.number("blast.limit", 200, 1, 5_000),
        (int) settings.number("blast.widespread-customers", 5, 1, 1_000_000),
        settings.duration("blast.cache-ttl", Duration.ofMinutes(2), "2m"));
  }

  /**
   * Checks what {@code serve} needs beyond what every mode needs: the Slack credentials of the
   * chosen mode (HTTP: signing secret; Socket Mode: an app-level token), and a bot token.
   */
  public static void checkServing(Config config) {
    List<String> problems = new ArrayList<>();
    Config.Slack slack = config.slack();
    if (slack.botToken().isEmpty()) {
      problems.add(
          "SLACK_BOT_TOKEN: required to serve Slack (for example SLACK_BOT_TOKEN=xoxb-…, from the"
              + " app's OAuth & Permissions page)");
    } else if (!slack.botToken().get().value().startsWith("xoxb-")) {
      problems.add(
          "SLACK_BOT_TOKEN: must be a bot token starting with xoxb- (for example"
              + " SLACK_BOT_TOKEN=xoxb-…)");
    }
    if (slack.socketMode() && !slack.appToken().get().value().startsWith("xapp-")) {
      problems.add(
          "SLACK_APP_TOKEN: must be an app-level token starting with xapp- with connections:write"
              + " (for example SLACK_APP_TOKEN=xapp-…), or unset for HTTP mode");
    }
    if (!slack.socketMode() && slack.signingSecret().isEmpty()) {
      problems.add(
          "SLACK_SIGNING_SECRET: required in HTTP mode (for example SLACK_SIGNING_SECRET=8f74…,"
              + " from the app's Basic Information page); or set SLACK_APP_TOKEN for Socket Mode");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static JsonNode readFile(Path file, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      problems.add(
          "TRACE_LOOKUP_CONFIG: the config file "
              + file.toAbsolutePath()
              + " does not exist (for example"
              + " TRACE_LOOKUP_CONFIG=/etc/trace-lookup/trace-lookup.yml, or run from the project"
              + " directory to use "
              + DEFAULT_CONFIG
              + ")");
      return null;
    }
    try {
      JsonNode root = YAML.readTree(file.toFile());
      if (root != null && !root.isMissingNode() && !root.isObject()) {
        problems.add(
            file + ": the file must be a YAML map of sections such as backend: and lookup:");
        return null;
      }
      return root;
    } catch (IOException unreadable) {
      problems.add(file + ": cannot be read as YAML: " + firstLine(unreadable.getMessage()));
      return null;
    }
  }

  private static Config.Server server(Settings settings, Map<String, String> env) {
    int port = (int) settings.number("server.port", 3000, 0, 65535);
    String portText = env.get("PORT");
    if (portText != null && !portText.isBlank()) {
      try {
        port = Integer.parseInt(portText.trim());
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException bad) {
        settings.problem("PORT", "\"" + portText + "\" is not a port number", "3000");
      }
    }
    int maxBody =
        (int) settings.number("server.max-body-bytes", 1_048_576, 1024, 64L * 1024 * 1024);
    Duration bodyTimeout = settings.duration("server.body-timeout", Duration.ofSeconds(10), "10s");
    long minBodyRate = settings.number("server.min-body-rate", 1024, 0, 1L << 30);
    return new Config.Server(
        port,
        secret(env, "LOOKUP_API_TOKEN"),
        secret(env, "ADMIN_API_TOKEN"),
        maxBody,
        bodyTimeout,
        minBodyRate);
  }

  private static Config.Slack slack(Settings settings, Map<String, String> env) {
    String apiUrl = env.getOrDefault("SLACK_API_URL", "").trim();
    if (apiUrl.isEmpty()) {
      apiUrl = settings.string("slack.api-url", "https://slack.com/api/");
    }
    if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
      settings.problem(
          "SLACK_API_URL", "\"" + apiUrl + "\" is not an http(s) URL", "https://slack.com/api/");
    }
    if (!apiUrl.endsWith("/")) {
      apiUrl = apiUrl + "/";
    }
    String command = settings.string("slack.command", "/trace-lookup");
    if (!command.matches("/[a-z0-9_-]{1,31}")) {
      settings.problem(
          "slack.command", "\"" + command + "\" is not a slash command name", "/trace-lookup");
    }
    Duration tolerance =
        settings.duration("slack.timestamp-tolerance", Duration.ofMinutes(5), "5m");
    return new Config.Slack(
        secret(env, "SLACK_SIGNING_SECRET"),
        secret(env, "SLACK_BOT_TOKEN"),
        secret(env, "SLACK_APP_TOKEN"),
        apiUrl,
        command,
        tolerance,
        settings.strings("slack.unfurl-domains", List.of()));
  }

  private static Config.Lookup lookup(Settings settings) {
    Duration maxWindow = settings.duration("lookup.max-window", Duration.ofHours(168), "168h");
    return new Config.Lookup(
        settings.pattern("lookup.user-id-pattern", DEFAULT_USER_ID_PATTERN),
        settings.duration("lookup.half-window", Duration.ofMinutes(15), "15m"),
        settings.duration("lookup.recent-window", Duration.ofHours(2), "2h"),
        maxWindow,
        (int) settings.number("lookup.max-traces", 20, 1, 500),
        (int) settings.number("lookup.fetch-parallelism", 8, 1, 64),
        settings.duration("lookup.budget", Duration.ofSeconds(25), "25s"),
        (int) settings.number("lookup.threads", 2048, 1, 8192),
        (int) settings.number("lookup.max-queued", 100, 0, 100_000),
        settings.optionalNumber(
            "lookup.max-bytes-in-flight", 134_217_728, 1L << 20, Long.MAX_VALUE),
        dateOrder(settings));
  }

  /** Returns the configured date order; empty, to follow each agent's locale, when none is. */
  private static Optional<DateOrder> dateOrder(Settings settings) {
    Optional<String> written = settings.optionalString("lookup.date-order");
    Optional<DateOrder> order = written.flatMap(DateOrder::named);
    if (written.isPresent() && order.isEmpty()) {
      settings.problem(
          "lookup.date-order",
          "\""
              + written.get()
              + "\" is not a date order: MDY reads 2/6 as February 6, DMY as June 2",
          "MDY");
    }
    return order;
  }

  private static Config.Cache cache(Settings settings) {
    return new Config.Cache(
        (int) settings.number("cache.max-lookups", 10_000, 0, 10_000_000),
        settings.duration("cache.recent-ttl", Duration.ofMinutes(1), "1m"),
        settings.duration("cache.settled-ttl", Duration.ofHours(1), "1h"),
        settings.duration("cache.recent-threshold", Duration.ofMinutes(10), "10m"),
        settings.number("cache.max-trace-spans", 2_000_000, 0, Long.MAX_VALUE),
        settings.duration("cache.trace-ttl", Duration.ofHours(1), "1h"),
        settings.duration("cache.user-zone-ttl", Duration.ofHours(1), "1h"));
  }

  private static Config.Privacy privacy(Settings settings, Map<String, String> env) {
    Optional<String> keyVariable = settings.optionalString("privacy.hash-user-ids.key-env");
    Optional<Secret> key = keyVariable.flatMap(variable -> secret(env, variable));
    keyVariable
        .filter(variable -> key.isEmpty())
        .ifPresent(
            variable ->
                settings.problem(
                    "privacy.hash-user-ids.key-env",
                    "names " + variable + ", which is not set in the environment",
                    "TRACE_LOOKUP_HASH_KEY"));
    String format = settings.string("privacy.hash-user-ids.format", "hex");
    if (!format.equals("hex") && !format.equals("base64url")) {
      settings.problem(
          "privacy.hash-user-ids.format", "\"" + format + "\" is not hex or base64url", "hex");
    }
    return new Config.Privacy(
        key,
        format,
        settings.string("privacy.hash-user-ids.prefix", ""),
        cardAttributes(settings),
        FingerprintKeys.read(settings, env),
        sharedExceptionMessages(settings));
  }

  /** Exception messages quote what services were handed, customer data included: off by default. */
  private static boolean sharedExceptionMessages(Settings settings) {
    String key = "privacy.shared-exception-messages";
    String value = settings.string(key, "false");
    if (!value.equals("true") && !value.equals("false")) {
      settings.problem(key, "\"" + value + "\" is not true or false", "false");
    }
    return value.equals("true");
  }

  /**
   * Entries are keys, prefixes ending in {@code .*}, or a lone {@code *}; nothing else has a star.
   */
  private static Optional<List<String>> cardAttributes(Settings settings) {
    String key = "privacy.card-attributes";
    List<String> entries = settings.strings(key, List.of());
    for (String entry : entries) {
      boolean prefix =
          entry.endsWith(".*") && entry.length() > 2 && entry.indexOf('*') == entry.length() - 1;
      if (entry.contains("*") && !entry.equals("*") && !prefix) {
        settings.problem(
            key,
            "\"" + entry + "\" must be an attribute key, a prefix ending in .*, or *",
            "[http.route, http.response.status_code, rpc.*]");
      }
    }
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
  }

  static Optional<Secret> secret(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(new Secret(value.trim()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
