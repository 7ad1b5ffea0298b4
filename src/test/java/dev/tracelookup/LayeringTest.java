package dev.tracelookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the layout of CONTRIBUTING.md: dependencies point one way, down the layers, so a change to
 * a lower package never has to know the faces that use it.
 *
 * <pre>
 *   Main
 *   app                                   wires everything
 *   slack, server, cli                    faces
 *   command                               what an agent types, read into a lookup request
 *   lookup                                the pipeline
 *   backend, incidents, tickets, render, privacy
 *   trace                                 the span model and its analysis
 *   http, config
 *   telemetry, time, json
 * </pre>
 *
 * <p>Packages in one layer do not import each other either: each is a part that can be read alone.
 */
final class LayeringTest {
  private static final Path MAIN = Path.of("src/main/java/dev/tracelookup");
  private static final Pattern PACKAGE =
      Pattern.compile("^package dev\\.tracelookup\\.?(\\w*)", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?dev\\.tracelookup\\.([a-z]\\w*)\\.", Pattern.MULTILINE);
  private static final Map<String, Integer> LAYER =
      Map.ofEntries(
          Map.entry("", 8),
          Map.entry("app", 7),
          Map.entry("slack", 6),
          Map.entry("server", 6),
          Map.entry("cli", 6),
          Map.entry("command", 5),
          Map.entry("lookup", 4),
          Map.entry("backend", 3),
          Map.entry("incidents", 3),
          Map.entry("tickets", 3),
          Map.entry("render", 3),
          Map.entry("privacy", 3),
          Map.entry("trace", 2),
          Map.entry("http", 1),
          Map.entry("config", 1),
          Map.entry("telemetry", 0),
          Map.entry("time", 0),
          Map.entry("json", 0));

  @Test
  void everyPackage_importsOnlyPackagesBelowIt() throws IOException {
    List<String> upward = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher declared = PACKAGE.matcher(source);
        assertThat(declared.find()).as("package of %s", file).isTrue();
        String from = declared.group(1);
        assertThat(LAYER).as("layer of package %s (%s)", from, file).containsKey(from);
        Matcher imported = IMPORT.matcher(source);
        while (imported.find()) {
          String to = imported.group(1);
          assertThat(LAYER).as("layer of imported package %s (%s)", to, file).containsKey(to);
          boolean sameTop = to.equals(from);
          boolean sideways = LAYER.get(to).equals(LAYER.get(from));
          if (!sameTop && (LAYER.get(to) > LAYER.get(from) || sideways)) {
            upward.add(MAIN.relativize(file) + " imports " + to);
          }
        }
      }
    }
    assertThat(upward).isEmpty();
  }

  @Test
  void everyPackage_saysWhatItIsForInAPackageInfo() throws IOException {
    List<Path> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> java = Files.list(dir)) {
          boolean hasClasses = java.anyMatch(path -> path.toString().endsWith(".java"));
          if (hasClasses && !Files.exists(dir.resolve("package-info.java"))) {
            missing.add(dir);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
