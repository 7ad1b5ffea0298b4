package dev.tracelookup.backend.otlp;

import static dev.tracelookup.backend.json.JsonSteps.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.StatusCode;
import java.io.IOException;

/**
 * OTLP's enums as the JSON dialects write them: a number (the Collector), a number in a string
 * (Tempo), or a name. Shared by the span reader and the file backend's index, which must read them
 * alike.
 */
public final class OtlpEnums {
  private OtlpEnums() {}

  /** Returns a span's kind; unknown values read as unspecified. */
  public static SpanKind kind(JsonParser parser) throws IOException {
    if (isWholeNumber(parser)) {
      return SpanKind.fromOtlpNumber(parser.getLongValue());
    }
    String text = text(parser, "kind");
    return isSmallNumber(text)
        ? SpanKind.fromOtlpNumber(Integer.parseInt(text))
        : SpanKind.fromName(text);
  }

  /** Returns a status code; unknown values read as unset. */
  public static StatusCode statusCode(JsonParser parser) throws IOException {
    if (isWholeNumber(parser)) {
      return StatusCode.fromOtlpNumber(parser.getLongValue());
    }
    String text = text(parser, "status.code");
    return isSmallNumber(text)
        ? StatusCode.fromOtlpNumber(Integer.parseInt(text))
        : StatusCode.fromName(text);
  }

  /** Returns whether an enum arrived as a JSON number that fits a long. */
  private static boolean isWholeNumber(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
  }

  /** Returns whether an enum arrived as a number in a string rather than as a name (Tempo). */
  private static boolean isSmallNumber(String text) {
    if (text == null || text.isEmpty() || text.length() > 9) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
