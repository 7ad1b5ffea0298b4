package dev.tracelookup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.command.CommandSyntax;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.BlockKitCheck;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.SlackMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code lookup} command over the shipped demo data, as a newcomer runs it. */
final class LookupCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private LookupCommand command;
  private TraceLookup lookup;
  private LookupRequestParser parser;
  private LookupPresenter presenter;

  @BeforeEach
  void wire() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-02-07T09:00:00Z"), ZoneOffset.UTC);
    OtlpFileBackend backend =
        OtlpFileBackend.open(
            Path.of("config/demo"),
            List.of("user.id", "enduser.id"),
            Optional.of("https://ui.example/trace/{traceId}?span={spanId}"),
            "demo files");
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
    lookup = new TraceLookup(backend, cache, pool, 20, 4, Duration.ofSeconds(20));
    parser =
        new LookupRequestParser(
            clock,
            Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$"),
            Duration.ofMinutes(15),
            Duration.ofHours(2),
            Duration.ofHours(168));
    presenter = new LookupPresenter(new CardRenderer(), backend.displayName());
    command =
        new LookupCommand(
            parser,
            lookup,
            presenter,
            CommandSyntax.usage(Duration.ofMinutes(15), Duration.ofHours(2)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_demoUserAt1415Utc_printsTheFailingOrderNamingPaymentSvcAndThe502() {
    int status =
        command.run(List.of("usr_k8x9m2", "2026-02-06", "14:15", "tz", "UTC"), ZoneOffset.UTC);

    assertThat(status).isZero();
    assertThat(out())
        .contains("Trace 4bf92f35… · 2026-02-06 14:17:23 UTC · 1.9 s · POST /api/v1/orders → 500")
        .contains("  ✅ order.validate")
        .contains("  ❌ payment.process_charge")
        .contains("     ❌ POST payment-svc/charge → 502 Bad Gateway")
        .contains("        ConnectionRefusedError: payment gateway timeout")
        .contains(
            "Root cause: order-svc → payment-svc · POST payment-svc/charge → 502 Bad Gateway");
  }

  @Test
  void run_formatBlocks_printsTheExactSlackMessageWithinLimits() {
    int status =
        command.run(
            List.of("--format", "blocks", "usr_k8x9m2", "2026-02-06", "14:15", "tz", "UTC"),
            ZoneOffset.UTC);

    assertThat(status).isZero();
    JsonObject message = JsonParser.parseString(out()).getAsJsonObject();
    assertThat(message.keySet()).containsExactly("text", "blocks");
    assertThat(message.get("text").getAsString()).contains("usr_k8x9m2");
    assertThat(out())
        .contains("payment-svc")
        .contains("502")
        .contains("https://ui.example/trace/4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void run_otherUserWithNoTraffic_saysWhatWasSearchedAndExitsZero() {
    int status =
        command.run(List.of("usr_nobody", "2026-02-06", "14:15", "tz", "UTC"), ZoneOffset.UTC);

    assertThat(status).isZero();
    assertThat(out()).contains("usr_nobody").contains("14:00").contains("14:30");
  }

  @Test
  void run_unreadableText_explainsAndExitsTwo() {
    int status = command.run(List.of("usr_k8x9m2", "2:15pm", "banana"), ZoneOffset.UTC);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("banana").contains("usage");
    assertThat(out()).isEmpty();
  }

  @Test
  void run_badOption_explainsAndExitsTwo() {
    assertThat(command.run(List.of("--format", "html", "usr_k8x9m2"), ZoneOffset.UTC)).isEqualTo(2);
    assertThat(command.run(List.of("--zone", "Mars/Olympus", "usr_k8x9m2"), ZoneOffset.UTC))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--format is text or blocks")
        .contains("Mars/Olympus");
  }

  @Test
  void run_agentZone_showsTheWindowInThatZoneToo() {
    command.run(
        List.of("--zone", "America/New_York", "usr_k8x9m2", "2026-02-06", "9:15am"),
        ZoneOffset.UTC);

    assertThat(out()).contains("14:00–14:30 UTC").contains("America/New_York");
  }

  @Test
  void run_zoneAbbreviationOrLowerCaseName_readsItAsTheSlashCommandDoes() {
    command.run(List.of("--zone", "EST", "usr_k8x9m2", "2026-02-06", "9:15am"), ZoneOffset.UTC);
    command.run(
        List.of("--zone", "europe/paris", "usr_k8x9m2", "2026-02-06", "15:15"), ZoneOffset.UTC);

    assertThat(out())
        .contains("America/New_York")
        .contains("Europe/Paris")
        .doesNotContain("UTC-05:00");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("is not a time zone");
  }

  @Test
  void presenter_everyDemoAnswerOfTheDay_passesBlockKitLimits() {
    for (String hour : List.of("00:30", "09:41", "12:00", "14:15", "17:45", "23:30")) {
      LookupOutcome outcome =
          lookup.lookup(
              ((ParseResult.Parsed)
                      parser.parse(
                          "usr_k8x9m2 2026-02-06 " + hour + " tz UTC window 2h", ZoneOffset.UTC))
                  .request(),
              false);

      SlackMessage message = presenter.present(outcome, ZoneId.of("Asia/Kolkata"));

      assertThat(BlockKitCheck.violations(message)).as(hour).isEmpty();
    }
  }
}
