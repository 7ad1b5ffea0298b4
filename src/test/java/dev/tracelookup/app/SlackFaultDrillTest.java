package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.Fault;
import dev.tracelookup.testing.FaultyServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Fault drills on Slack itself: the {@code response_url} and the Web API failing while lookups run.
 * No lookup hangs (each ends within the budget plus one bounded Slack call), a transient refusal is
 * retried once, a refused response URL is gone around with {@code chat.postEphemeral}, and an
 * answer that may have reached Slack (a timeout) is not sent twice but logged as lost for
 * operators, without secrets or customer IDs.
 */
final class SlackFaultDrillTest {
  private static final int BURST = 10;

  /** Main bounds every Slack call, response_url posts included, to this. */
  private static final Duration SLACK_CALL = Duration.ofSeconds(5);

  private static final String LOOKUP = "usr_k8x9m2 2026-02-06 14:15 tz UTC";
  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private FaultyServer slack;
  private DrillBot bot;

  @BeforeEach
  void captureLogs() {
    logged.start();
    root().addAppender(logged);
  }

  @AfterEach
  void stop() throws Exception {
    root().detachAppender(logged);
    bot.close();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void burst_whileResponseUrlFails_everyLookupEndsAndOperatorsAreToldWithoutSecrets(Fault fault)
      throws Exception {
    slack = new FaultyServer(fault, FakeHttpServer.Reply.status(200, "ok"));
    bot = DrillBot.start(dir, BURST, BURST, DrillBot.demoBackend(), slack);
    List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
    long sent = System.nanoTime();

    for (int i = 0; i < BURST; i++) {
      acks.add(bot.command(LOOKUP, slack.uri().resolve("/response/slack-" + i), "trigger-" + i));
    }
    for (CompletableFuture<HttpResponse<String>> ack : acks) {
      assertThat(ack.get().body()).contains("Looking up");
    }
    bot.shutdown();

    assertThat(Duration.ofNanos(System.nanoTime() - sent))
        .isLessThanOrEqualTo(DrillBot.BUDGET.plus(SLACK_CALL).plus(DrillBot.MARGIN));
    assertThat(bot.jobs().isTerminated()).isTrue();
    assertThat(bot.jobs().getCompletedTaskCount()).isEqualTo(BURST);
    if (fault == Fault.SLOW) {
      assertThat(warnings("could not be delivered")).hasSize(BURST);
    } else {
      assertThat(logged.list)
          .filteredOn(
              event ->
                  event.getFormattedMessage().contains("answered with chat.postEphemeral instead"))
          .hasSize(BURST);
      assertThat(ephemeralAnswers()).isEqualTo(BURST);
    }
    assertThat(logged.list)
        .allSatisfy(
            event ->
                assertThat(event.getFormattedMessage())
                    .doesNotContain(
                        DrillBot.BOT_TOKEN, DrillBot.SECRET, "usr_k8x9m2", "/response/"));
    if (fault != Fault.REFUSED) {
      assertThat(postsPerResponseUrl().values())
          .hasSize(BURST)
          .containsOnly(fault == Fault.SLOW ? 1L : 2L);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "REFUSED")
  void burst_whileViewsOpenFails_everyTicketCommandIsToldInItsAck(Fault fault) throws Exception {
    slack =
        new FaultyServer(
            fault, FakeHttpServer.Reply.json("{\"ok\":true,\"view\":{\"id\":\"V0LATE\"}}"));
    bot = DrillBot.start(dir, BURST, BURST, DrillBot.demoBackend(), slack);
    bot.slackApi.override("views.open", request -> slack.reply());
    List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
    long sent = System.nanoTime();

    for (int i = 0; i < BURST; i++) {
      acks.add(bot.command("<https://acme.zendesk.com/agent/tickets/4512>", "form-" + i));
    }

    for (CompletableFuture<HttpResponse<String>> ack : acks) {
      assertThat(ack.get().body()).contains("The form could not be opened. Run the command again.");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - sent))
        .isLessThanOrEqualTo(SLACK_CALL.plus(DrillBot.MARGIN));
    assertThat(bot.jobs().getTaskCount()).isZero();
    assertThat(warnings("views.open")).hasSize(BURST);
  }

  private List<ILoggingEvent> warnings(String text) {
    List<ILoggingEvent> found = new ArrayList<>();
    for (ILoggingEvent event : logged.list) {
      if (event.getLevel() == Level.WARN && event.getFormattedMessage().contains(text)) {
        found.add(event);
      }
    }
    return found;
  }

  /**
   * Returns how many cards went to chat.postEphemeral. The count of other customers each card
   * promised follows it there on its own, since an ephemeral card cannot be updated: those are not
   * answers.
   */
  private int ephemeralAnswers() throws InterruptedException {
    int answers = 0;
    while (bot.slackApi.server().pending() > 0) {
      FakeHttpServer.RecordedRequest request =
          bot.slackApi.server().takeRequest(Duration.ofSeconds(1));
      if (request.path().equals("/api/chat.postEphemeral")
          && !FakeSlackApi.formValue(request.body(), "text").startsWith("👥")) {
        assertThat(request.body()).contains("payment-svc");
        answers++;
      }
    }
    return answers;
  }

  private Map<String, Long> postsPerResponseUrl() throws InterruptedException {
    Map<String, Long> posts = new HashMap<>();
    while (slack.server().pending() > 0) {
      posts.merge(slack.server().takeRequest(Duration.ofSeconds(1)).path(), 1L, Long::sum);
    }
    return posts;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
