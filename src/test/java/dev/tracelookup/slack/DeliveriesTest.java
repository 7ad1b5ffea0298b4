package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.privacy.AuditEntry;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.slack.Delivery.Way;
import dev.tracelookup.slack.SlackReplies.PostResult;
import dev.tracelookup.slack.SlackReplies.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Deliveries} against scripted Slack answers: which ways a route tries, in which order, and
 * what the {@link Delivery} it returns tells the audit.
 */
final class DeliveriesTest {
  private static final Asker ASKER = new Asker("U0AGENT", "T0001", "C0SUPPORT");
  private static final SlackMessage CARD = SlackMessage.plain("the card");
  private static final Answer RESULT =
      new Answer.Result(
          CARD,
          new AuditEntry(
              "lookup",
              "U0AGENT",
              "T0001",
              "C0SUPPORT",
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              "demo",
              1,
              false,
              false,
              "found"));
  private final ScriptedReplies replies = new ScriptedReplies();
  private final Deliveries deliveries = new Deliveries(replies);

  @Test
  void deliver_responseUrlTakesIt_goesNoFurther() {
    Delivery delivery =
        deliveries.deliver(ASKER, Route.answer("https://hooks/1", Visibility.EPHEMERAL), RESULT);

    assertThat(delivery).isEqualTo(new Delivery(Way.RESPONSE_URL, Way.RESPONSE_URL, ""));
    assertThat(delivery.asSent()).isTrue();
    assertThat(replies.calls).containsExactly("respond https://hooks/1 EPHEMERAL");
  }

  @Test
  void deliver_responseUrlExpired_goesAroundItWithChatPostEphemeralInTheChannel() {
    replies.refuse("respond", "expired_url");

    Delivery delivery =
        deliveries.deliver(ASKER, Route.answer("https://hooks/1", Visibility.EPHEMERAL), RESULT);

    assertThat(delivery).isEqualTo(new Delivery(Way.EPHEMERAL, Way.RESPONSE_URL, "expired_url"));
    assertThat(replies.calls)
        .containsExactly(
            "respond https://hooks/1 EPHEMERAL", "postEphemeral C0SUPPORT null U0AGENT");
  }

  @Test
  void deliver_responseUrlAndChannelBothRefuse_endsInADirectMessage() {
    replies.refuse("respond", "expired_url");
    replies.refuse("postEphemeral", "channel_not_found");

    Delivery delivery =
        deliveries.deliver(ASKER, Route.answer("https://hooks/1", Visibility.EPHEMERAL), RESULT);

    assertThat(delivery.way()).isEqualTo(Way.DIRECT_MESSAGE);
    assertThat(replies.calls).last().isEqualTo("post U0AGENT null");
  }

  /**
   * Slack may have taken an answer it was slow to confirm: sending it again could show it twice.
   */
  @Test
  void deliver_responseUrlTimedOut_triesNothingElse() {
    replies.refuse("respond", "timeout");

    Delivery delivery =
        deliveries.deliver(ASKER, Route.answer("https://hooks/1", Visibility.EPHEMERAL), RESULT);

    assertThat(delivery).isEqualTo(new Delivery(Way.LOST, Way.RESPONSE_URL, "timeout"));
    assertThat(replies.calls).hasSize(1);
  }

  @Test
  void deliver_inThread_triesTheThreadBeforeTheResponseUrl() {
    replies.refuse("postEphemeral", "not_in_channel");

    Delivery delivery =
        deliveries.deliver(ASKER, Route.inThread("1700.01", "https://hooks/2"), RESULT);

    assertThat(delivery).isEqualTo(new Delivery(Way.RESPONSE_URL, Way.EPHEMERAL, "not_in_channel"));
    assertThat(replies.calls)
        .containsExactly(
            "postEphemeral C0SUPPORT 1700.01 U0AGENT", "respond https://hooks/2 EPHEMERAL");
  }

  @Test
  void deliver_publicPostRefused_explainsToTheAskerAloneAndTheCardIsLost() {
    replies.refuse("post", "not_in_channel");
    Route route =
        Route.post("C0SUPPORT", Optional.of("1700.01"), false, Route.toAskerIn("1700.01"));

    Delivery delivery = deliveries.deliver(ASKER, route, RESULT);

    assertThat(delivery).isEqualTo(new Delivery(Way.LOST, Way.POSTED, "not_in_channel"));
    assertThat(replies.calls)
        .containsExactly("post C0SUPPORT 1700.01", "postEphemeral C0SUPPORT 1700.01 U0AGENT");
    assertThat(replies.texts.get(1)).contains("Invite me");
  }

  @Test
  void deliver_problemOnAPublicRoute_goesToTheAskerAloneNeverIntoTheThread() {
    Route route =
        Route.post("C0SUPPORT", Optional.of("1700.01"), false, Route.toAskerIn("1700.01"));

    Delivery delivery = deliveries.deliver(ASKER, route, Answer.problem("withheld"));

    assertThat(delivery.way()).isEqualTo(Way.EPHEMERAL);
    assertThat(replies.calls).containsExactly("postEphemeral C0SUPPORT 1700.01 U0AGENT");
  }

  @Test
  void deliver_noResponseUrlAndNoUser_isLostWithoutACall() {
    Delivery delivery =
        deliveries.deliver(
            new Asker(null, "T0001", "C0SUPPORT"),
            Route.answer(null, Visibility.EPHEMERAL),
            RESULT);

    assertThat(delivery).isEqualTo(new Delivery(Way.LOST, Way.RESPONSE_URL, "no_response_url"));
    assertThat(delivery.delivered()).isFalse();
    assertThat(replies.calls).isEmpty();
  }

  /** A {@link SlackReplies} that records each call and answers as scripted: ok unless refused. */
  private static final class ScriptedReplies implements SlackReplies {
    final List<String> calls = new ArrayList<>();
    final List<String> texts = new ArrayList<>();
    private final Map<String, String> refusals = new HashMap<>();

    void refuse(String method, String error) {
      refusals.put(method, error);
    }

    @Override
    public PostResult respond(String responseUrl, SlackMessage message, Visibility visibility) {
      return answer("respond", "respond " + responseUrl + " " + visibility, message);
    }

    @Override
    public PostResult post(String channelId, String threadTs, SlackMessage message) {
      return answer("post", "post " + channelId + " " + threadTs, message);
    }

    @Override
    public PostResult postEphemeral(
        String channelId, String threadTs, String user, SlackMessage message) {
      return answer(
          "postEphemeral", "postEphemeral " + channelId + " " + threadTs + " " + user, message);
    }

    @Override
    public PostResult update(Posted message, SlackMessage replacement) {
      return answer("update", "update " + message.channel() + " " + message.ts(), replacement);
    }

    private PostResult answer(String method, String call, SlackMessage message) {
      calls.add(call);
      texts.add(message.text());
      String error = refusals.get(method);
      return error == null ? PostResult.posted() : new PostResult(false, error);
    }
  }
}
