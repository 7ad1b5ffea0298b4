package dev.tracelookup.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and checks the {@code backend:} section. */
final class BackendSettings {
  static final Set<String> TYPES = Set.of("otlp-file");

  private BackendSettings() {}

  static Config.Backend read(Settings settings, Path base) {
    String type = settings.string("backend.type", "otlp-file");
    if (!TYPES.contains(type)) {
      settings.problem("backend.type", "\"" + type + "\" is not a known backend; known: " + TYPES, "otlp-file");
    }
    String name = settings.string("backend.name", "demo files");
    Path directory = base == null ? Path.of("demo") : base.resolve(settings.string("backend.directory", "demo"));
    if (type.equals("otlp-file") && !Files.isDirectory(directory)) {
      settings.problem("backend.directory", "the directory " + directory + " does not exist", "demo");
    }
    List<String> userAttributes = settings.strings("backend.user-attributes", List.of("user.id", "enduser.id"));
    Optional<String> uiUrl = settings.optionalString("backend.ui-url");
    uiUrl.ifPresent(url -> {
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        settings.problem("backend.ui-url", "\"" + url + "\" is not an http(s) URL", "https://grafana.example.com/trace/{traceId}");
      }
    });
    Duration timeout = settings.duration("backend.timeout", Duration.ofSeconds(10), "10s");
    return new Config.Backend(type, name, directory.normalize(), userAttributes, uiUrl, timeout);
  }
}
