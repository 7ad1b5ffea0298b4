package dev.tracelookup.incidents.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class ReplyActionsTest {
  private final ReplyActions actions =
      new ReplyActions(
          Map.of(
              "POST /api/v1/orders",
              "place an order",
              "GET /api/v1/search/",
              "search our catalog"));

  @Test
  void actionFor_configuredRoute_ignoresCaseSpacesAndTrailingSlash() {
    assertThat(actions.actionFor("post  /API/v1/orders/")).isEqualTo("place an order");
    assertThat(actions.actionFor("GET /api/v1/search")).isEqualTo("search our catalog");
  }

  @Test
  void actionFor_unknownRoute_isTheFallback() {
    assertThat(actions.actionFor("GET /api/v1/profile")).isEqualTo(ReplyActions.FALLBACK);
  }

  @Test
  void new_blankAction_isRefused() {
    assertThatThrownBy(() -> new ReplyActions(Map.of("POST /x", " ")))
        .hasMessageContaining("POST /x");
  }
}
