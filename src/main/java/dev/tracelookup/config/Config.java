package dev.tracelookup.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The whole configuration, validated: every value here is usable as it is. */
public record Config(Server server, Slack slack, Backend backend, Lookup lookup, Cache cache) {

  public Config {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(cache, "cache");
  }

  /**
   * The HTTP face.
   *
   * @param apiToken bearer token of {@code /api/lookup}; the endpoint refuses every call without it
   * @param maxBodyBytes larger request bodies are refused before they are read
   */
  public record Server(int port, Optional<Secret> apiToken, int maxBodyBytes) {}

  /**
   * Slack credentials and endpoints.
   *
   * @param apiUrl the Web API base URL, ending in {@code /}
   * @param appToken set means Socket Mode instead of HTTP
   */
  public record Slack(
      Optional<Secret> signingSecret,
      Optional<Secret> botToken,
      Optional<Secret> appToken,
      String apiUrl,
      String command,
      Duration timestampTolerance) {

    public boolean socketMode() {
      return appToken.isPresent();
    }
  }

  /**
   * The trace backend.
   *
   * @param type one of {@code otlp-file}
   * @param directory the OTLP JSON Lines directory of the {@code otlp-file} backend
   * @param uiUrl link template with {@code {traceId}} and {@code {spanId}}, or empty for no links
   */
  public record Backend(
      String type,
      String name,
      Path directory,
      List<String> userAttributes,
      Optional<String> uiUrl,
      Duration timeout) {

    public Backend {
      userAttributes = List.copyOf(userAttributes);
    }
  }

  /**
   * How commands are read and lookups run.
   *
   * @param halfWindow a point in time is searched this long either side
   * @param recentWindow with no time given, this long up to now is searched
   * @param budget every lookup ends (in an answer) within this time
   * @param maxQueued lookups waiting beyond this are answered "busy"
   */
  public record Lookup(
      Pattern userIdPattern,
      Duration halfWindow,
      Duration recentWindow,
      Duration maxWindow,
      int maxTraces,
      int fetchParallelism,
      Duration budget,
      int threads,
      int maxQueued) {}

  /**
   * Cache sizes and lifetimes.
   *
   * @param recentThreshold a window ending less than this before now is "recent": traces may still
   *     arrive, so its result lives only {@code recentTtl}
   */
  public record Cache(
      int maxLookups,
      Duration recentTtl,
      Duration settledTtl,
      Duration recentThreshold,
      long maxTraceSpans,
      Duration traceTtl,
      Duration userZoneTtl) {}
}
