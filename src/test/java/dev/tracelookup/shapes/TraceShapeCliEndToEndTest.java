package dev.tracelookup.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.cli.LookupCommand;
import dev.tracelookup.lookup.CommandSyntax;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequestParser;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.shapes.TraceShapes.TraceShape;
import dev.tracelookup.trace.Span;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape of the corpus end to end, as a newcomer runs the bot: the shapes' OTLP files (linked
 * traces included) in a directory, the {@code otlp-file} backend indexing it, and the {@code lookup}
 * command run with the shape's customer and minute. The card's first line must say what the
 * customer saw, and its root-cause line must name the culprit's service and span.
 */
final class TraceShapeCliEndToEndTest {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  @TempDir static Path traceFiles;

  private static ShapeBackends backends;
  private static ExecutorService pool;
  private static OtlpFileBackend files;

  @BeforeAll
  static void indexTheShapes() throws Exception {
    backends = ShapeBackends.serving(TraceShapes.all(), traceFiles);
    files = backends.files;
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stop() throws Exception {
    pool.shutdownNow();
    backends.close();
  }

  static Stream<Arguments> shapes() {
    return TraceShapes.all().stream()
        .filter(shape -> shape.formats().contains("otlp"))
        .map(shape -> Arguments.of(Named.of(shape.dir(), shape)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void lookup_everyShape_firstLineSaysWhatTheCustomerSawAndRootCauseNamesTheCulprit(TraceShape shape) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LookupCommand command = command(out);

    int status = command.run(
        List.of(shape.userId(), "2026-02-06", MINUTE.format(shape.at()), "tz", "UTC"), ZoneOffset.UTC);

    assertThat(status).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).as("first line; %s", shape.notes()).startsWith(expectedOpening(shape));
    assertThat(lines.get(0).contains("the entry span is missing")).as("partial trace said").isEqualTo(shape.entryMissing());
    Optional<String> rootCause = lines.stream().filter(line -> line.startsWith("Root cause")).findFirst();
    if (shape.culpritSpanId() == null) {
      assertThat(rootCause).as("no root cause for a %s trace", shape.expectedVerdict()).isEmpty();
      return;
    }
    Span culprit = culprit(shape);
    assertThat(rootCause).as("root cause; %s", shape.notes()).hasValueSatisfying(line -> {
      String lower = line.toLowerCase(Locale.ROOT);
      assertThat(lower).contains(culprit.service().toLowerCase(Locale.ROOT) + " ")
          .contains(" · " + culprit.name().toLowerCase(Locale.ROOT));
    });
    if (shape.linked() && shape.asynchronous()) {
      assertThat(rootCause.get()).startsWith("Root cause, in linked trace ");
    }
  }

  /** Returns how the first line opens for the shape's verdict. */
  private static String expectedOpening(TraceShape shape) {
    switch (shape.expectedVerdict()) {
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
        .filter(span -> span.spanId().equals(shape.culpritSpanId()) && span.service().equals(shape.culpritService()))
        .findFirst()
        .orElseThrow();
  }

  private static LookupCommand command(ByteArrayOutputStream out) {
    Clock clock = Clock.fixed(Instant.parse("2026-02-07T09:00:00Z"), ZoneOffset.UTC);
    LookupCache cache = new LookupCache(100, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(10),
        1_000_000, Duration.ofHours(1), clock, Ticker.systemTicker(), Runnable::run);
    TraceLookup lookup = new TraceLookup(files, cache, pool, pool, 20, 4, Duration.ofSeconds(20));
    LookupRequestParser parser = new LookupRequestParser(clock, Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$"),
        Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofHours(168));
    LookupPresenter presenter = new LookupPresenter(new CardRenderer(), files.displayName());
    PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new LookupCommand(parser, lookup, presenter, CommandSyntax.usage(Duration.ofMinutes(15), Duration.ofHours(2)),
        printed, printed);
  }
}
