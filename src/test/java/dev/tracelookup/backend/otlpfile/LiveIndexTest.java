package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.otlpfile.SpanJson.line;
import static dev.tracelookup.backend.otlpfile.SpanJson.resource;
import static dev.tracelookup.backend.otlpfile.SpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.trace.FailureRules;
import dev.tracelookup.trace.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LiveIndexTest {
  private static final List<String> USER_KEYS = List.of("user.id", "enduser.id");
  private static final Path DEMO = Path.of("config", "demo");
  private static final String FIRST = "0000000000000000a3ce929d0e0e4736";
  private static final String SECOND = "0000000000000000b3ce929d0e0e4736";

  @TempDir Path directory;

  /**
   * The streaming pass keeps of each demo trace exactly what the full span reader and {@link
   * FailureRules} say of it: times, services, names, whether it fails, and its users.
   */
  @Test
  void trace_everyDemoTrace_hasWhatTheFullReaderReadsOfIt() throws IOException {
    LiveIndex index = index(DEMO);
    Map<String, List<Span>> spansByTrace =
        demoSpans().stream().collect(Collectors.groupingBy(Span::traceId));

    assertThat(index.traceCount()).isEqualTo(spansByTrace.size());
    spansByTrace.forEach(
        (traceId, spans) -> {
          IndexedTrace indexed = index.trace(traceId).orElseThrow();
          assertThat(indexed.startEpochNanos())
              .isEqualTo(spans.stream().mapToLong(Span::startEpochNanos).min().orElseThrow());
          assertThat(indexed.endEpochNanos())
              .isEqualTo(spans.stream().mapToLong(Span::endEpochNanos).max().orElseThrow());
          assertThat(indexed.services()).isEqualTo(lower(spans.stream().map(Span::service)));
          assertThat(indexed.spanNames()).isEqualTo(lower(spans.stream().map(Span::name)));
          assertThat(indexed.failing()).isEqualTo(spans.stream().anyMatch(FailureRules::isFailing));
          for (Span span : spans) {
            for (String key : USER_KEYS) {
              span.attributes()
                  .get(key)
                  .ifPresent(
                      user ->
                          assertThat(index.tracesOf(user))
                              .extracting(IndexedTrace::traceId)
                              .contains(traceId));
            }
          }
        });
  }

  @Test
  void trace_sameNamesInTwoTraces_holdOneLowerCasedInstanceOfEach() throws IOException {
    Files.writeString(
        directory.resolve("a.jsonl"),
        line(
                resource("Order-Svc", span(FIRST, "00f067aa0ba902b7").name("GET /Orders")),
                resource("Order-Svc", span(SECOND, "10f067aa0ba902b7").name("GET /Orders")))
            + "\n");

    LiveIndex index = index(directory);

    IndexedTrace first = index.trace(FIRST).orElseThrow();
    IndexedTrace second = index.trace(SECOND).orElseThrow();
    assertThat(first.spanNames()).containsExactly("get /orders");
    assertThat(first.spanNames().iterator().next()).isSameAs(second.spanNames().iterator().next());
    assertThat(first.services().iterator().next()).isSameAs(second.services().iterator().next());
  }

  private static LiveIndex index(Path directory) throws IOException {
    Vocabulary vocabulary = new Vocabulary();
    LiveIndex index =
        new LiveIndex(
            directory,
            new FactReader(new WatchedKeys(USER_KEYS), vocabulary),
            vocabulary,
            OtlpFileOptions.DEFAULTS,
            Clock.systemUTC(),
            DirectoryIndexer.MAX_LINE_BYTES);
    index.refresh();
    return index;
  }

  private static List<Span> demoSpans() throws IOException {
    OtlpJsonReader reader = new OtlpJsonReader(Set.copyOf(USER_KEYS));
    List<Span> spans = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEMO)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            spans.addAll(reader.readAll(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return spans;
  }

  private static Set<String> lower(Stream<String> names) {
    return names.map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
