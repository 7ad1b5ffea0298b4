package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which presses of a button act, with the clock under the test's control. */
final class ActionReplaysTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ActionReplays replays = new ActionReplays(Duration.ofMinutes(5), nanos::get);
  private final AtomicInteger acted = new AtomicInteger();
  private final MiddlewareChain handler =
      request -> {
        acted.incrementAndGet();
        return Response.ok();
      };

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  private static BlockActionRequest press(String user, String value, String actionTs) {
    return press(user, "refresh_card", value, actionTs);
  }

  private static BlockActionRequest press(
      String user, String actionId, String value, String actionTs) {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + user
            + "\",\"team_id\":\"T0001\"},"
            + "\"team\":{\"id\":\"T0001\"},\"container\":{\"type\":\"message\",\"channel_id\":\"C0SUPPORT\","
            + "\"message_ts\":\"1770389000.000100\",\"is_ephemeral\":true},\"actions\":[{\"action_id\":\""
            + actionId
            + "\","
            + "\"block_id\":\"b1\",\"type\":\"button\",\"value\":\""
            + value
            + "\",\"action_ts\":\""
            + actionTs
            + "\"}]}";
    return new BlockActionRequest(
        "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
        payload,
        new RequestHeaders(Map.of()));
  }

  private void apply(BlockActionRequest press) throws Exception {
    replays.apply(press, Response.builder().build(), handler);
  }

  @Test
  void apply_secondClickWithinTheWindow_actsOnceAndAClickAfterItActsAgain() throws Exception {
    apply(press("U0AGENT", "v1", "1770389002.000300"));
    advance(ActionReplays.REPEAT_WINDOW.minusSeconds(1));
    apply(press("U0AGENT", "v1", "1770389011.000300"));
    assertThat(acted).hasValue(1);

    advance(Duration.ofSeconds(2));
    apply(press("U0AGENT", "v1", "1770389013.000300"));

    assertThat(acted).hasValue(2);
  }

  @Test
  void apply_nextPreviousNextWithinSeconds_turnsThePageEachTimeButAReplayStaysDropped()
      throws Exception {
    apply(press("U0AGENT", "next_page", "page2", "1770389002.000300"));
    apply(press("U0AGENT", "previous_page", "page1", "1770389003.000300"));
    apply(press("U0AGENT", "next_page", "page2", "1770389004.000300"));
    apply(press("U0AGENT", "next_page", "page2", "1770389004.000300"));

    assertThat(acted).hasValue(3);
  }

  @Test
  void apply_sameDeliveryReplayedAfterTheClickWindow_staysDroppedWithinTheSignatureWindow()
      throws Exception {
    apply(press("U0AGENT", "v1", "1770389002.000300"));

    advance(Duration.ofMinutes(4));
    apply(press("U0AGENT", "v1", "1770389002.000300"));

    assertThat(acted).hasValue(1);
  }

  @Test
  void apply_anotherPersonOrAnotherValue_actsEachTime() throws Exception {
    apply(press("U0AGENT", "v1", "1770389002.000300"));
    apply(press("U0OTHER", "v1", "1770389002.000300"));
    apply(press("U0AGENT", "v2", "1770389002.000300"));

    assertThat(acted).hasValue(3);
  }
}
