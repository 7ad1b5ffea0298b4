package dev.tracelookup.slack;

import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.telemetry.TelemetryKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@link SlackReplies} that records a client span per answer ({@code slack response_url}, {@code
 * slack chat.postMessage}, {@code slack chat.postEphemeral}, {@code slack chat.update}) and counts
 * answers in {@code tracelookup.slack.replies} by method and outcome, so refused and lost answers
 * are visible. Neither the URL (a bearer of its own) nor the message is recorded.
 */
final class TracedReplies implements SlackReplies {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("tracelookup.slack.method");

  private final SlackReplies replies;
  private final Tracer tracer;
  private final LongCounter answers;

  TracedReplies(SlackReplies replies, Telemetry telemetry) {
    this.replies = replies;
    this.tracer = telemetry.tracer();
    this.answers =
        telemetry
            .meter()
            .counterBuilder("tracelookup.slack.replies")
            .setDescription(
                "Answers sent to Slack after the ack, by method and outcome (ok, failed)")
            .build();
  }

  @Override
  public PostResult respond(String responseUrl, SlackMessage message, Visibility visibility) {
    return traced("response_url", () -> replies.respond(responseUrl, message, visibility));
  }

  @Override
  public PostResult post(String channelId, String threadTs, SlackMessage message) {
    return traced("chat.postMessage", () -> replies.post(channelId, threadTs, message));
  }

  @Override
  public PostResult postEphemeral(
      String channelId, String threadTs, String user, SlackMessage message) {
    return traced(
        "chat.postEphemeral", () -> replies.postEphemeral(channelId, threadTs, user, message));
  }

  @Override
  public PostResult update(Posted message, SlackMessage replacement) {
    return traced("chat.update", () -> replies.update(message, replacement));
  }

  private PostResult traced(String method, Supplier<PostResult> call) {
    Span span =
        tracer
            .spanBuilder("slack " + method)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(METHOD, method)
            .startSpan();
    try {
      PostResult result = call.get();
      AttributesBuilder attributes =
          Attributes.builder()
              .put(METHOD, method)
              .put(TelemetryKeys.OUTCOME, result.ok() ? "ok" : "failed");
      if (!result.ok()) {
        // Slack's error codes (not_in_channel, channel_not_found) are few and carry no user data.
        String type = result.error().isBlank() ? "failed" : result.error().toLowerCase(Locale.ROOT);
        attributes.put(TelemetryKeys.ERROR_TYPE, type);
        span.setStatus(StatusCode.ERROR, type);
      }
      Attributes recorded = attributes.build();
      span.setAllAttributes(recorded);
      answers.add(1, recorded);
      return result;
    } finally {
      span.end();
    }
  }
}
