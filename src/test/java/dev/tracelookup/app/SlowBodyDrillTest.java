package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slow-body drill (issue 12, item 2): 200 unauthenticated clients each declare a 1 MiB body on
 * {@code /slack/events} and send a byte every 4 s. While they keep at it, {@code /healthz} keeps
 * answering, signed slash commands are acked within Slack's 3 s and get their card, and every slow
 * client is cut with 408. Once they stop, the bot serves as before.
 */
final class SlowBodyDrillTest {
  private static final int CONNECTIONS = 200;
  private static final Duration ATTACK = Duration.ofSeconds(12);
  private static final Duration HEALTH_EVERY = Duration.ofMillis(250);

  /**
   * A starved server does not answer at all; two shared cores may still stall a healthy one
   * briefly.
   */
  private static final Duration HEALTH_BOUND = Duration.ofSeconds(2);

  private static final Duration SLACK_ACK_LIMIT = Duration.ofSeconds(3);

  /**
   * {@code server.body-timeout}, shortened so a client pacing just fast enough is still cut soon.
   */
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);

  private static final String LOOKUP = "usr_k8x9m2 2026-02-06 14:15 tz UTC";
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_BOUND).build();
  private DrillBot bot;

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  /**
   * With the minimum rate (the default, 1024 bytes a second) slow clients are cut after a second;
   * with only the deadline they stay for all of it, and the bot must keep answering all the same.
   */
  @ParameterizedTest(name = "min-body-rate {0}")
  @ValueSource(longs = {1024, 0})
  void slowBodies_twoHundredClients_healthAndCommandsKeepAnsweringAndTheBotRecovers(
      long minBodyRate) throws Exception {
    bot =
        DrillBot.start(
            dir,
            4,
            20,
            DrillBot.demoBackend()
                + "server:\n  body-timeout: "
                + BODY_TIMEOUT.toSeconds()
                + "s\n  min-body-rate: "
                + minBodyRate
                + "\n");
    FinalAnswers answers = new FinalAnswers(bot.slackApi);
    List<String> commands = new ArrayList<>();
    List<Duration> acks = new ArrayList<>();
    List<Duration> health = new ArrayList<>();
    List<SlowBodyAttack.Cut> cuts;
    try (SlowBodyAttack attack = new SlowBodyAttack(bot.uri(), CONNECTIONS)) {
      long end = System.nanoTime() + ATTACK.toNanos();
      int round = 0;
      while (System.nanoTime() < end) {
        health.add(healthz());
        if (round++ % 8 == 4) {
          commands.add("during-" + commands.size());
          acks.add(command(commands.get(commands.size() - 1)));
        }
        // Paces the probes like a load balancer's health checks; nothing waits on it.
        LockSupport.parkNanos(HEALTH_EVERY.toNanos());
      }
      cuts = attack.cuts();
    }

    assertThat(health)
        .as("/healthz during the attack")
        .allSatisfy(took -> assertThat(took).isLessThan(HEALTH_BOUND));
    assertThat(acks)
        .as("acks during the attack")
        .allSatisfy(took -> assertThat(took).isLessThan(SLACK_ACK_LIMIT));
    assertThat(answers.awaitEach(commands, DrillBot.BUDGET.plus(DrillBot.MARGIN))).isTrue();
    for (String id : commands) {
      assertThat(answers.single(id).body()).as(id).contains("POST /api/v1/orders");
    }
    assertThat(cuts).as("slow clients the bot cut").hasSizeGreaterThanOrEqualTo(CONNECTIONS);
    assertThat(cuts)
        .allSatisfy(
            cut -> {
              assertThat(cut.statusLine())
                  .as("answer to a slow client")
                  .isIn(null, "HTTP/1.1 408 Request Timeout");
              assertThat(cut.lived())
                  .isLessThanOrEqualTo(BODY_TIMEOUT.plus(SlowBodyAttack.TICK).plusSeconds(2));
            });

    assertThat(healthz()).as("/healthz once the attack stopped").isLessThan(HEALTH_BOUND);
    assertThat(command("after")).isLessThan(SLACK_ACK_LIMIT);
    assertThat(answers.awaitEach(List.of("after"), DrillBot.BUDGET.plus(DrillBot.MARGIN))).isTrue();
    assertThat(answers.single("after").body()).contains("POST /api/v1/orders");
  }

  /**
   * Returns how long {@code /healthz} took to answer 200, or the bound when it did not answer
   * within it.
   */
  private Duration healthz() throws Exception {
    long sent = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(bot.uri().resolve("/healthz")).timeout(HEALTH_BOUND).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return Duration.ofNanos(System.nanoTime() - sent);
    } catch (java.net.http.HttpTimeoutException starved) {
      return HEALTH_BOUND;
    }
  }

  /**
   * Sends a signed command; returns how long its ack took, or twice Slack's limit when it did not
   * come.
   */
  private Duration command(String id) throws Exception {
    long sent = System.nanoTime();
    try {
      HttpResponse<String> acked =
          bot.command(LOOKUP, id).get(SLACK_ACK_LIMIT.toMillis() * 2, TimeUnit.MILLISECONDS);
      assertThat(acked.body()).as("ack of " + id).contains("Looking up");
      return Duration.ofNanos(System.nanoTime() - sent);
    } catch (TimeoutException starved) {
      return SLACK_ACK_LIMIT.multipliedBy(2);
    }
  }
}
