package dev.tracelookup.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The trace backends the bot can search, as {@code backend.type} names them. Adding one means a
 * constant here and a case in the wiring's exhaustive switch, which the compiler then asks for.
 */
public enum BackendType {
  /** OTLP JSON Lines files in a directory: the embedded backend of the demo and the tests. */
  OTLP_FILE("otlp-file", "demo files", Optional.empty()),
  TEMPO("tempo", "Tempo", Optional.of("http://tempo:3200")),
  JAEGER("jaeger", "Jaeger", Optional.of("http://jaeger-query:16686")),
  ZIPKIN("zipkin", "Zipkin", Optional.of("http://zipkin:9411"));

  private final String configName;
  private final String displayName;
  private final Optional<String> exampleUrl;

  BackendType(String configName, String displayName, Optional<String> exampleUrl) {
    this.configName = configName;
    this.displayName = displayName;
    this.exampleUrl = exampleUrl;
  }

  /**
   * Returns the name {@code backend.type} and {@code TRACE_BACKEND_TYPE} take, e.g. {@code
   * otlp-file}.
   */
  public String configName() {
    return configName;
  }

  /**
   * Returns how cards name the backend when {@code backend.name} is not set, e.g. {@code Tempo}.
   */
  public String displayName() {
    return displayName;
  }

  /** Returns whether the backend is reached over HTTP, and so needs {@code backend.url}. */
  public boolean remote() {
    return exampleUrl.isPresent();
  }

  /**
   * Returns the URL a problem with {@code backend.url} shows as its example; empty for local
   * backends.
   */
  Optional<String> exampleUrl() {
    return exampleUrl;
  }

  /** Returns the type {@code backend.type} names, or empty when it names none. */
  static Optional<BackendType> fromConfigName(String name) {
    return Arrays.stream(values()).filter(type -> type.configName.equals(name)).findFirst();
  }

  /** Returns every config name, in declaration order, for the message about an unknown one. */
  static List<String> configNames() {
    return Arrays.stream(values()).map(BackendType::configName).toList();
  }
}
