package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link LookupCli}: the command-line face on the graph the bot serves, over the demo data. */
final class LookupCliTest {
  @Test
  void run_demoCustomer_printsTheFailingCheckoutAndExitsZero() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        LookupCli.run(
            ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml")),
            Clock.systemUTC(),
            List.of("usr_k8x9m2", "2026-02-06", "14:15", "tz", "UTC"),
            ZoneOffset.UTC,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("4bf92f35")
        .contains("payment-svc/charge");
  }

  @Test
  void run_demoCustomer_waitsForTheBlastRadiusAndTiesItToTheIncident() {
    String text = run("usr_k8x9m2", "2026-02-06", "14:15", "tz", "UTC");

    assertThat(text)
        .contains(
            "👥 Same failure for 37 requests from 19 other customers between 14:12 and 14:25 UTC,"
                + " first seen 14:12 (searched 13:30–15:00 UTC)")
        .contains(
            "📣 Matches known incident: INC-4521 \"Payment gateway unreachable\" · 2026-02-06"
                + " 14:12–14:25 UTC · resolved · 19 other customers hit the same failure")
        // An incident elsewhere at the same time gains nothing from the count.
        .contains("📣 Incident elsewhere at the same time: INC-4522")
        .doesNotContain("no incident declared");
    assertThat(onlyCustomer(text)).isTrue();
  }

  @Test
  void run_demoCustomerAsBlocks_showsTheBlastRadiusInTheSlackMessage() {
    String json = run("--format", "blocks", "usr_k8x9m2", "2026-02-06", "14:15", "tz", "UTC");

    assertThat(json).contains("👥 Same failure for 37 requests from 19 other customers");
    assertThat(onlyCustomer(json)).isTrue();
  }

  /** Returns whether the only customer the output names is the one looked up. */
  private static boolean onlyCustomer(String output) {
    java.util.regex.Matcher ids = java.util.regex.Pattern.compile("usr_[a-z0-9]+").matcher(output);
    while (ids.find()) {
      if (!ids.group().equals("usr_k8x9m2")) {
        return false;
      }
    }
    return true;
  }

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        LookupCli.run(
            ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml")),
            Clock.systemUTC(),
            List.of(args),
            ZoneOffset.UTC,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
