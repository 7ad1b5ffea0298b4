package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When a delivery of a Slack event is handled, with the clock under the test's control. */
final class EventDeliveriesTest {
  private static final String MENTION =
      "{\"event_id\":\"Ev0001\",\"event\":{\"type\":\"app_mention\","
          + "\"channel\":\"C0SUPPORT\",\"ts\":\"1770389300.000400\"}}";
  private final AtomicLong nanos = new AtomicLong();
  private final EventDeliveries deliveries = new EventDeliveries(nanos::get);

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  @Test
  void keys_mention_areItsEventIdAndWhereItsMessageIs() {
    assertThat(EventDeliveries.keys(MENTION))
        .containsExactly("event Ev0001", "app_mention C0SUPPORT 1770389300.000400");
    assertThat(EventDeliveries.keys("not json")).isEmpty();
    assertThat(EventDeliveries.keys("{}")).isEmpty();
  }

  @Test
  void claim_handledDelivery_isNotHandledAgainUntilItIsForgotten() {
    List<String> keys = EventDeliveries.keys(MENTION);
    assertThat(deliveries.claim(keys)).isTrue();
    deliveries.finish(keys);

    advance(Duration.ofMinutes(30));
    assertThat(deliveries.claim(keys)).isFalse();

    advance(EventDeliveries.MEMORY);
    assertThat(deliveries.claim(keys)).isTrue();
  }

  @Test
  void claim_deliveryStillBeingHandled_isNotHandledTwiceWithinTheLease() {
    List<String> keys = EventDeliveries.keys(MENTION);
    assertThat(deliveries.claim(keys)).isTrue();

    advance(EventDeliveries.LEASE.minusSeconds(1));
    assertThat(deliveries.claim(keys)).isFalse();

    // Its handler never finished: abandoned, so Slack's next retry is handled.
    advance(Duration.ofSeconds(2));
    assertThat(deliveries.claim(keys)).isTrue();
  }

  @Test
  void claim_afterAFailedHandling_isHandledAgain() {
    List<String> keys = EventDeliveries.keys(MENTION);
    deliveries.claim(keys);

    deliveries.release(keys);

    assertThat(deliveries.claim(keys)).isTrue();
  }

  /** An edit arrives under a new event ID, for the same message. */
  @Test
  void claim_sameMessageUnderAnotherEventId_isNotHandledAgain() {
    deliveries.finish(EventDeliveries.keys(MENTION));

    assertThat(deliveries.claim(EventDeliveries.keys(MENTION.replace("Ev0001", "Ev0002"))))
        .isFalse();
    assertThat(
            deliveries.claim(
                EventDeliveries.keys(MENTION.replace("1770389300.000400", "1770389301.000100"))))
        .isFalse();
    assertThat(
            deliveries.claim(
                EventDeliveries.keys(
                    MENTION
                        .replace("Ev0001", "Ev0003")
                        .replace("1770389300.000400", "1770389301.000100"))))
        .isTrue();
  }
}
