package dev.tracelookup.backend.otlpfile;

import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.backend.json.JsonSteps;
import java.io.IOException;

/**
 * 64-bit integers as OTLP JSON dialects write them, read straight from the raw bytes when they are
 * plain digits (two timestamps per span make this the index's hottest read), else as every reader
 * reads them ({@link JsonSteps#int64}).
 */
final class Scalars {
  private Scalars() {}

  /** Returns a 64-bit integer written as a number or as a decimal string; 0 for null. */
  static long int64(JsonParser parser, RawStrings raw, String what) throws IOException {
    int start = raw.contentStart(parser);
    int length = raw.plainLength(start);
    if (length > 0 && length <= 19) {
      long value = 0;
      byte[] bytes = raw.bytes();
      for (int i = start; i < start + length && value >= 0; i++) {
        int digit = bytes[i] - '0';
        value = digit < 0 || digit > 9 ? -1 : value * 10 + digit;
      }
      if (value >= 0) {
        return value;
      }
    }
    // Not plain digits in the raw bytes: the shared reader, as the span reader reads it.
    return JsonSteps.int64(parser, what);
  }
}
