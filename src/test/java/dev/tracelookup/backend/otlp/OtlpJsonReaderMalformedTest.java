package dev.tracelookup.backend.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class OtlpJsonReaderMalformedTest {
  private static final String VALID =
"""
{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"payments"}}]},
 "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"1234567890abcdef",
  "name":"POST /charge","kind":2,"startTimeUnixNano":"1795554220012000000","endTimeUnixNano":1795554220112000000,
  "attributes":[{"key":"tags","value":{"arrayValue":{"values":[{"stringValue":"a"},{"kvlistValue":{"values":[
    {"key":"k","value":{"intValue":"1"}}]}}]}}}],
  "events":[{"timeUnixNano":"1795554220090000000","name":"exception"}],"status":{"code":2,"message":"x"}}]}]}]}
""";

  private final OtlpJsonReader reader = new OtlpJsonReader(Set.of("user.id"));

  static Stream<Named<String>> malformedDocuments() {
    return Stream.of(
        Named.of("empty input", ""),
        Named.of("not JSON", "hello"),
        Named.of("truncated", VALID.substring(0, VALID.length() / 2)),
        Named.of("two documents", "{} {}"),
        Named.of("root is a string", "\"resourceSpans\""),
        Named.of("resourceSpans is an object", "{\"resourceSpans\":{}}"),
        Named.of("spans is a string", "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":\"x\"}]}]}"),
        Named.of("span is a number", "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[1]}]}]}"),
        Named.of("attributes is an object", span("\"attributes\":{\"user.id\":\"usr_1\"}")),
        Named.of("value is a string", span("\"attributes\":[{\"key\":\"a\",\"value\":\"usr_1\"}]")),
        Named.of("name is an array", span("\"name\":[\"a\"]")),
        Named.of("time is not a number", span("\"startTimeUnixNano\":\"soon\"")),
        Named.of("time is a fraction", span("\"startTimeUnixNano\":1.5")),
        Named.of("time is out of range", span("\"startTimeUnixNano\":99999999999999999999")),
        Named.of("time is an object", span("\"endTimeUnixNano\":{}")),
        Named.of("kind is an object", span("\"kind\":{}")),
        Named.of("status is a string", span("\"status\":\"ERROR\"")),
        Named.of("events is an object", span("\"events\":{}")),
        Named.of(
            "no traceId",
            "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"spanId\":\"01\"}]}]}]}"),
        Named.of(
            "traceId not an ID",
            "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz!\",\"spanId\":\"01\"}]}]}]}"),
        Named.of(
            "spanId all zeros",
            "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"01\",\"spanId\":\"0000\"}]}]}]}"),
        Named.of(
            "UTF-32 with a bad character",
            new String(new byte[] {0, 0, 0, '{', 0x7f, 0x7f, 0x7f, 0x7f}, UTF_8)));
  }

  @ParameterizedTest
  @MethodSource("malformedDocuments")
  void readAll_malformedDocument_throwsOtlpFormatException(String json) {
    byte[] bytes = json.getBytes(UTF_8);

    assertThatThrownBy(() -> reader.readAll(bytes)).isExactlyInstanceOf(OtlpFormatException.class);
  }

  @Test
  void readAll_deeplyNestedAnyValue_throwsOtlpFormatExceptionNotStackOverflow() {
    String nested = "{\"arrayValue\":{\"values\":[".repeat(20_000) + "{}" + "]}}".repeat(20_000);
    byte[] bytes =
        span("\"attributes\":[{\"key\":\"deep\",\"value\":" + nested + "}]").getBytes(UTF_8);

    assertThatThrownBy(() -> reader.readAll(bytes))
        .isExactlyInstanceOf(OtlpFormatException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void readAll_deeplyNestedUnknownField_throwsOtlpFormatException() {
    byte[] bytes =
        ("{\"unknown\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(UTF_8);

    assertThatThrownBy(() -> reader.readAll(bytes)).isExactlyInstanceOf(OtlpFormatException.class);
  }

  @Test
  void readAll_nestingAtTheLimit_isRead() {
    String nested = "{\"arrayValue\":{\"values\":[".repeat(12) + "{}" + "]}}".repeat(12);
    byte[] bytes =
        span("\"attributes\":[{\"key\":\"deep\",\"value\":" + nested + "}]").getBytes(UTF_8);

    assertThatCode(() -> reader.readAll(bytes)).doesNotThrowAnyException();
  }

  @Test
  void readAll_invalidToken_messageGivesPlaceButNotTheInput() {
    byte[] bytes = "{\"resourceSpans\":[usr_secret_42]}".getBytes(UTF_8);

    assertThatThrownBy(() -> reader.readAll(bytes))
        .isExactlyInstanceOf(OtlpFormatException.class)
        .hasMessageContaining("line 1, column")
        .hasNoCause()
        .message()
        .doesNotContain("usr_secret_42");
  }

  @Test
  void readAll_everyTruncationOfAValidDocument_failsOnlyWithOtlpFormatException() {
    byte[] valid = VALID.strip().getBytes(UTF_8);

    for (int length = 0; length < valid.length; length++) {
      byte[] cut = Arrays.copyOf(valid, length);
      assertThatThrownBy(() -> reader.readAll(cut))
          .as("cut at %d", length)
          .isExactlyInstanceOf(OtlpFormatException.class);
    }
  }

  static String validDocument() {
    return VALID;
  }

  private static String span(String fields) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
               + "\"spanId\":\"1234567890abcdef\","
        + fields
        + "}]}]}]}";
  }
}
