package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.server.DependencyStatus;
import dev.tracelookup.slack.SlackLink;
import dev.tracelookup.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the Slack face's record of its link reads in {@code /readyz}. */
final class ReadinessWiringTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");

  @Test
  void webApi_lastCallsInTurn_readsUpThenDegradedThenDownForARefusedToken() {
    MutableClock clock = new MutableClock(NOW);
    SlackLink link = new SlackLink(clock);
    assertThat(ReadinessWiring.webApi(link, clock.instant()))
        .isEqualTo(DependencyStatus.unknown("no Web API call since start"));

    link.recorded("auth.test", "");
    clock.advance(Duration.ofSeconds(30));
    assertThat(ReadinessWiring.webApi(link, clock.instant()))
        .isEqualTo(DependencyStatus.up("last call (auth.test) 30 s ago answered"));

    link.recorded("chat.postMessage", "ratelimited");
    clock.advance(Duration.ofSeconds(5));
    assertThat(ReadinessWiring.webApi(link, clock.instant()))
        .isEqualTo(
            DependencyStatus.degraded(
                "last call (chat.postMessage) 5 s ago failed: ratelimited; last answer 35 s ago"));

    link.recorded("chat.postEphemeral", "token_revoked");
    assertThat(ReadinessWiring.webApi(link, clock.instant()).state())
        .isEqualTo(DependencyStatus.State.DOWN);
  }

  @Test
  void slack_socketModeNotStarted_isRequiredAndDown() {
    SlackLink link = new SlackLink(new MutableClock(NOW));

    var check = ReadinessWiring.slack(link, true, new MutableClock(NOW));

    assertThat(check.required()).isTrue();
    assertThat(check.probe().get()).isEqualTo(DependencyStatus.down("not connected yet"));
    assertThat(ReadinessWiring.slack(link, false, new MutableClock(NOW)).required()).isFalse();
  }
}
