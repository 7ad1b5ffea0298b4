package dev.tracelookup.backend.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * The input is not an OTLP JSON document the reader can make sense of: not JSON, cut short, nested
 * too deeply, or with a value of the wrong type where the reader needs one.
 *
 * <p>Messages say what was wrong and where (line and column), but never quote the input: trace data
 * carries customer IDs, and these messages end up in logs.
 */
public final class OtlpFormatException extends java.io.IOException {

  OtlpFormatException(String message) {
    super(message);
  }

  /** Returns the exception for a problem found at the parser's current location. */
  static OtlpFormatException at(JsonLocation location, String problem) {
    return new OtlpFormatException(problem + where(location));
  }

  /**
   * Returns the exception for a Jackson parse failure. Jackson's own message quotes the offending
   * token, so it is replaced by a category and not kept as the cause.
   */
  static OtlpFormatException from(JsonProcessingException failure) {
    String problem;
    if (failure instanceof JsonEOFException) {
      problem = "the JSON ends early";
    } else if (failure instanceof StreamConstraintsException) {
      problem = "the JSON exceeds a reader limit (" + failure.getOriginalMessage() + ")";
    } else if (failure instanceof InputCoercionException) {
      problem = "a number is out of range";
    } else {
      problem = "not valid JSON";
    }
    return at(failure.getLocation(), problem);
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
