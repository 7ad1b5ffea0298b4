package dev.tracelookup.backend.zipkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.tracelookup.trace.SpanEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AnnotationEventsTest {
  private static final long AT = 1_770_387_445_100_000_000L;

  private static Map<String, String> attributes(String value) {
    return AnnotationEvents.event(AT, value).attributes().values();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"exception\":{\"exception.type\":\"ConnectionRefusedError\",\"exception.message\":\"payment"
            + " gateway timeout\"}",
        "\"exception\": { \"exception.type\" : \"ConnectionRefusedError\", \"exception.message\":"
            + " \"payment gateway timeout\" }",
        "exception: {\"exception.type\":\"ConnectionRefusedError\",\"exception.message\":\"payment"
            + " gateway timeout\"}",
        "exception|{\"exception.message\":\"payment gateway"
            + " timeout\",\"exception.type\":\"ConnectionRefusedError\"}|0",
        "  exception:{\"exception.type\":\"ConnectionRefusedError\",\"exception.message\":\"payment"
            + " gateway timeout\"}\n"
      })
  void event_everyExporterForm_readsAnExceptionEvent(String value) {
    SpanEvent event = AnnotationEvents.event(AT, value);

    assertThat(event.isException()).isTrue();
    assertThat(event.epochNanos()).isEqualTo(AT);
    assertThat(event.attributes().values())
        .containsOnly(
            entry("exception.type", "ConnectionRefusedError"),
            entry("exception.message", "payment gateway timeout"));
  }

  @Test
  void event_javaExporterUnescapedQuotesAndLineBreaks_keepsValuesWhole() {
    String value =
        "\"exception\":{\"exception.type\":\"java.lang.IllegalStateException\",\"exception.message\":\"card"
            + " \"4242\" declined,"
            + " retry\",\"exception.stacktrace\":\"java.lang.IllegalStateException: card\n"
            + "\tat com.shop.Pay.charge(Pay.java:42)\n"
            + "\tat com.shop.Api.order(Api.java:7)\",\"exception.escaped\":false}";

    Map<String, String> attributes = attributes(value);

    assertThat(attributes)
        .containsOnly(
            entry("exception.type", "java.lang.IllegalStateException"),
            entry("exception.message", "card \"4242\" declined, retry"),
            entry(
                "exception.stacktrace",
                "java.lang.IllegalStateException: card\n"
                    + "\tat com.shop.Pay.charge(Pay.java:42)\n"
                    + "\tat com.shop.Api.order(Api.java:7)"),
            entry("exception.escaped", "false"));
  }

  @Test
  void event_collectorEscapedJson_unescapesValues() {
    String value =
        "exception|{\"exception.message\":\"say \\\"hi\\\"\\n"
            + "then \\u00e9\",\"retries\":3,\"tags\":[\"a\",\"b\"]}|2";

    assertThat(attributes(value))
        .containsOnly(
            entry("exception.message", "say \"hi\"\nthen é"),
            entry("retries", "3"),
            entry("tags", "[\"a\",\"b\"]"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ws",
        "wr",
        "exception",
        "cs",
        "Server Start",
        "retry: 3",
        "a|b|c",
        "\"quoted\"",
        "{}",
        "\"x\":[1]"
      })
  void event_plainAnnotation_isAnEventNamedByTheValue(String value) {
    SpanEvent event = AnnotationEvents.event(AT, value);

    assertThat(event.name()).isEqualTo(value);
    assertThat(event.attributes().isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exception: {", "exception: {garbage", "exception: {\"exception.type\"",
            "exception: {,,,:::\"\"}",
        "\"exception\":{\"exception.type\":", "exception: {\"\":\"x\"}", "exception|{\"a\"}|0",
            "exception: {\"a b\":\"x\"}"
      })
  void event_garbageAttributes_keepsTheNameWithoutInventingAnException(String value) {
    SpanEvent event = AnnotationEvents.event(AT, value);

    assertThat(event.name()).isEqualTo("exception");
    assertThat(event.attributes().contains("exception.type")).isFalse();
  }

  @Test
  @Timeout(5)
  void event_hugeHostileValue_isReadInLinearTime() {
    String value = "exception: {" + "\" ,".repeat(200_000) + "\"a\" " + " ".repeat(200_000) + ":";

    SpanEvent event = AnnotationEvents.event(AT, value);

    assertThat(event.name()).isEqualTo("exception");
  }

  @Test
  void event_hugeStackTrace_isKept() {
    String frames = "\n    at f (x.js:1:1)".repeat(10_000);

    Map<String, String> attributes =
        attributes(
            "exception: {\"exception.type\":\"E\",\"exception.stacktrace\":\"E" + frames + "\"}");

    assertThat(attributes.get("exception.stacktrace")).hasSize(1 + frames.length());
    assertThat(Duration.ofNanos(AT)).isPositive();
  }
}
