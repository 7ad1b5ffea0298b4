package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.telemetry.TelemetryKeys;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

final class TracedRepliesTest {
  private static final String RESPONSE_URL =
      "https://hooks.slack.com/commands/T0001/1234/secret-part";
  private static final SlackMessage CARD = SlackMessage.plain("usr_k8x9m2: 1 failing trace");

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final SlackReplies slack = Mockito.mock();
  private TracedReplies replies;

  @BeforeEach
  void start() {
    replies = new TracedReplies(slack, Telemetry.of(otel.getOpenTelemetry()));
  }

  private static List<LongPointData> counted() {
    return otel.getMetrics().stream()
        .filter(metric -> metric.getName().equals("tracelookup.slack.replies"))
        .flatMap(metric -> metric.getLongSumData().getPoints().stream())
        .toList();
  }

  @Test
  void respond_accepted_recordsAClientSpanAndCountsItOk() {
    given(slack.respond(RESPONSE_URL, CARD, SlackReplies.Visibility.EPHEMERAL))
        .willReturn(SlackReplies.PostResult.posted());

    boolean accepted = replies.respond(RESPONSE_URL, CARD, SlackReplies.Visibility.EPHEMERAL).ok();

    assertThat(accepted).isTrue();
    SpanData span = otel.getSpans().get(0);
    assertThat(span.getName()).isEqualTo("slack response_url");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getAttributes().asMap().values())
        .map(Object::toString)
        .noneMatch(value -> value.contains("hooks.slack.com") || value.contains("usr_k8x9m2"));
    assertThat(counted())
        .singleElement()
        .satisfies(
            point ->
                assertThat(point.getAttributes())
                    .isEqualTo(
                        Attributes.of(
                            TracedReplies.METHOD, "response_url", TelemetryKeys.OUTCOME, "ok")));
  }

  @Test
  void post_refusedBySlack_marksTheSpanAndCountsTheFailureWithSlacksErrorCode() {
    given(slack.post(anyString(), any(), any()))
        .willReturn(new SlackReplies.PostResult(false, "not_in_channel"));

    SlackReplies.PostResult result = replies.post("C0SUPPORT", null, CARD);

    assertThat(result.ok()).isFalse();
    SpanData span = otel.getSpans().get(0);
    assertThat(span.getName()).isEqualTo("slack chat.postMessage");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(counted())
        .singleElement()
        .satisfies(
            point -> {
              assertThat(point.getValue()).isEqualTo(1);
              assertThat(point.getAttributes())
                  .isEqualTo(
                      Attributes.of(
                          TracedReplies.METHOD,
                          "chat.postMessage",
                          TelemetryKeys.OUTCOME,
                          "failed",
                          TelemetryKeys.ERROR_TYPE,
                          "not_in_channel"));
            });
  }
}
