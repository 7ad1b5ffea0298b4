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
}
