package dev.tracelookup.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.cli.LookupCommand;
import dev.tracelookup.command.CommandSyntax;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.shapes.TraceShapes.TraceShape;
import dev.tracelookup.trace.Span;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the {@code lookup} command for a shape's customer and minute against any backend, and checks
 * the card as an agent reads it: the first line says what the customer saw, the root-cause line
 * names the culprit's service and span.
 */
final class ShapeCards {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private ShapeCards() {}

  /**
   * Returns the lines the {@code lookup} command printed for the shape's customer at its minute.
   */
  static List<String> lookup(TraceShape shape, TraceBackend backend, ExecutorService pool) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        command(backend, pool, out)
            .run(
                List.of(shape.userId(), "2026-02-06", MINUTE.format(shape.at()), "tz", "UTC"),
                ZoneOffset.UTC);
    assertThat(status).as("exit status").isZero();
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /**
   * Asserts the card's first line opens as the verdict says and the root-cause line names the
   * culprit, or that there is none.
   *
   * @param verdict the verdict expected through this backend (the shape's, unless the backend
   *     cannot follow what the shape needs)
   */
  static void assertCard(TraceShape shape, List<String> lines, String verdict) {
    assertThat(lines.get(0))
        .as("first line; %s", shape.notes())
        .startsWith(opening(shape, verdict));
    assertThat(lines.get(0).contains("the entry span is missing"))
        .as("partial trace said")
        .isEqualTo(shape.entryMissing());
    Optional<String> rootCause =
        lines.stream().filter(line -> line.startsWith("Root cause")).findFirst();
    if (shape.culpritSpanId() == null || !verdict.equals(shape.expectedVerdict())) {
      assertThat(rootCause).as("no root cause for a %s trace", verdict).isEmpty();
      return;
    }
    Span culprit = culprit(shape);
    assertThat(rootCause)
        .as("root cause; %s", shape.notes())
        .hasValueSatisfying(
            line -> {
              String lower = line.toLowerCase(Locale.ROOT);
              assertThat(lower)
                  .contains(culprit.service().toLowerCase(Locale.ROOT) + " ")
                  .contains(" · " + culprit.name().toLowerCase(Locale.ROOT));
            });
    if (shape.linked() && shape.asynchronous()) {
      assertThat(rootCause.get()).startsWith("Root cause, in linked trace ");
    }
  }

  /** Returns how the first line opens for a verdict on the shape. */
  private static String opening(TraceShape shape, String verdict) {
    switch (verdict) {
      case "FAILED":
        if (shape.timedOut()) {
          return "⏱️ Timed out: ";
        }
        return shape.asynchronous() ? "❌ Failed after it was accepted: " : "❌ ";
      case "REFUSED":
        return "⛔ Refused: ";
      case "RECOVERED":
        return "✅ Succeeded ";
      default:
        return "✅ Succeeded: ";
    }
  }

  /** Returns the culprit span as the OTLP fixtures hold it, main trace or linked. */
  private static Span culprit(TraceShape shape) {
    Stream<Span> spans = ShapeBackends.readOtlp(shape, "otlp.json").stream();
    if (shape.linked()) {
      spans = Stream.concat(spans, ShapeBackends.readOtlp(shape, "otlp-linked.json").stream());
    }
    return spans
        .filter(
            span ->
                span.spanId().equals(shape.culpritSpanId())
                    && span.service().equals(shape.culpritService()))
        .findFirst()
        .orElseThrow();
  }

  private static LookupCommand command(
      TraceBackend backend, ExecutorService pool, ByteArrayOutputStream out) {
    Clock clock = Clock.fixed(Instant.parse("2026-02-07T09:00:00Z"), ZoneOffset.UTC);
    LookupCache cache =
        new LookupCache(
            100,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            1_000_000,
            Duration.ofHours(1),
            clock,
            Ticker.systemTicker(),
            Runnable::run);
    TraceLookup lookup = new TraceLookup(backend, cache, pool, 20, 4, Duration.ofSeconds(20));
    LookupRequestParser parser =
        new LookupRequestParser(
            clock,
            Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$"),
            Duration.ofMinutes(15),
            Duration.ofHours(2),
            Duration.ofHours(168));
    LookupPresenter presenter = new LookupPresenter(new CardRenderer(), backend.displayName());
    PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new LookupCommand(
        parser,
        lookup,
        presenter,
        CommandSyntax.usage(Duration.ofMinutes(15), Duration.ofHours(2)),
        printed,
        printed);
  }
}
