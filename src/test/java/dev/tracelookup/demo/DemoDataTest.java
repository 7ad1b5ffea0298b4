package dev.tracelookup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.trace.FailureRules;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.StatusCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed demo files are the generator's output, and hold the variety the demo promises. */
final class DemoDataTest {
  static final Path DEMO = Path.of("config", "demo");

  private static final List<Span> spans = new ArrayList<>();
  private static final Map<String, Set<String>> linesByTrace = new HashMap<>();
  private static final List<Set<String>> tracesByLine = new ArrayList<>();

  @BeforeAll
  static void readDemoFiles() throws IOException {
    OtlpJsonReader reader = new OtlpJsonReader(Set.of());
    for (Path file : demoFiles()) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int number = 1; number <= lines.size(); number++) {
        String where = file.getFileName() + ":" + number;
        List<Span> lineSpans =
            reader.readAll(lines.get(number - 1).getBytes(StandardCharsets.UTF_8));
        Set<String> traces = new HashSet<>();
        for (Span span : lineSpans) {
          linesByTrace.computeIfAbsent(span.traceId(), id -> new HashSet<>()).add(where);
          traces.add(span.traceId());
        }
        tracesByLine.add(traces);
        spans.addAll(lineSpans);
      }
    }
  }

  @Test
  void committedFiles_areExactlyWhatTheGeneratorWrites(@TempDir Path regenerated)
      throws IOException {
    List<Path> written = DemoDataGenerator.write(regenerated);

    assertThat(demoFiles())
        .extracting(Path::getFileName)
        .containsExactlyInAnyOrderElementsOf(written.stream().map(Path::getFileName).toList());
    for (Path file : written) {
      assertThat(Files.mismatch(file, DEMO.resolve(file.getFileName())))
          .as(
              "%s differs from the generator's output: regenerate it (see DemoDataGenerator)",
              file.getFileName())
          .isEqualTo(-1L);
    }
  }

  @Test
  void demoFiles_areTwoFilesUnderEightMegabytes() throws IOException {
    long bytes = 0;
    for (Path file : demoFiles()) {
      bytes += Files.size(file);
    }

    assertThat(demoFiles()).hasSize(2);
    assertThat(bytes).isLessThan(8L * 1024 * 1024);
  }

  @Test
  void demoTraffic_spansTheDayWithManyUsersAndServices() {
    Set<String> users = new HashSet<>();
    spans.forEach(span -> span.attributes().first("user.id", "enduser.id").ifPresent(users::add));

    assertThat(linesByTrace).hasSizeBetween(1_000, 2_000);
    assertThat(users).hasSizeGreaterThanOrEqualTo(40).contains(DayPlan.CUSTOMER);
    assertThat(spans)
        .extracting(Span::service)
        .contains(
            "api-gateway",
            "order-svc",
            "inventory-svc",
            "payment-svc",
            "user-svc",
            "search-svc",
            "notification-svc");
    assertThat(spans)
        .allSatisfy(
            span -> {
              assertThat(span.start()).isAfterOrEqualTo(Instant.parse("2026-02-06T00:00:00Z"));
              assertThat(Instant.ofEpochSecond(0, span.endEpochNanos()))
                  .isBefore(Instant.parse("2026-02-07T00:00:00Z"));
            });
  }

  @Test
  void demoTraffic_mixesOldAndCurrentAttributeNames() {
    long current =
        spans.stream().filter(span -> span.attributes().contains(FailureRules.HTTP_STATUS)).count();
    long old =
        spans.stream()
            .filter(span -> span.attributes().contains(FailureRules.HTTP_STATUS_OLD))
            .count();

    assertThat(old).isBetween((current + old) * 3 / 10, (current + old) * 7 / 10);
    assertThat(spans).anyMatch(span -> span.attributes().contains("enduser.id") && span.isRoot());
    assertThat(spans).anyMatch(span -> span.attributes().contains("user.id") && span.isRoot());
  }

  @Test
  void demoTraffic_holdsEachKindOfFailureAndNonFailure() {
    assertThat(spans)
        .as("a bare 5xx with status unset")
        .anyMatch(
            span ->
                span.kind() == SpanKind.SERVER
                    && span.status().code() == StatusCode.UNSET
                    && FailureRules.httpStatus(span) >= 500
                    && FailureRules.isFailing(span));
    assertThat(spans)
        .as("a 404 that is not a failure")
        .anyMatch(
            span ->
                span.kind() == SpanKind.SERVER
                    && FailureRules.httpStatus(span) == 404
                    && !FailureRules.isFailing(span));
    assertThat(spans)
        .as("a 503 from a dependency")
        .anyMatch(span -> span.kind() == SpanKind.CLIENT && FailureRules.httpStatus(span) == 503);
    assertThat(spans)
        .as("a database timeout")
        .anyMatch(
            span ->
                span.events().stream()
                    .anyMatch(
                        event ->
                            event
                                .attributes()
                                .get("exception.type")
                                .orElse("")
                                .contains("Timeout")));
    assertThat(spans)
        .as("an asynchronous consumer")
        .anyMatch(span -> span.kind() == SpanKind.CONSUMER);
    assertThat(spans).as("its producer").anyMatch(span -> span.kind() == SpanKind.PRODUCER);
  }

  @Test
  void demoFiles_splitTracesAcrossLinesAndFilesAndMixTracesOnLines() {
    assertThat(linesByTrace.values()).anyMatch(lines -> lines.size() > 1);
    assertThat(linesByTrace.values())
        .anyMatch(lines -> lines.stream().map(line -> line.split(":")[0]).distinct().count() == 2);
    assertThat(tracesByLine).anyMatch(traces -> traces.size() > 3);
  }

  /** Returns the generated trace files; the directory also holds the hand-written incidents.yml. */
  private static List<Path> demoFiles() throws IOException {
    try (Stream<Path> files = Files.list(DEMO)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".jsonl"))
          .sorted()
          .toList();
    }
  }
}
