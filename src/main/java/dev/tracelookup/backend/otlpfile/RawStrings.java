package dev.tracelookup.backend.otlpfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;

/**
 * The bytes of the string token a parser is on, read where they lie in the chunk it parses, so that
 * keys, IDs and timestamps are compared and converted without Jackson decoding them into characters
 * first. Skipping an undecoded string is what makes a bare token pass fast; decoding every
 * attribute key to compare it doubled the cost of indexing.
 *
 * <p>Only strings without escapes are read this way: {@link #start} answers -1 for the rest, and
 * the caller asks the parser as usual.
 */
final class RawStrings {
  private byte[] bytes = new byte[0];
  private int base;

  /** Points at the bytes a parser created over {@code bytes[base, ...)} reads. */
  void reset(byte[] input, int inputBase) {
    this.bytes = input;
    this.base = inputBase;
  }

  byte[] bytes() {
    return bytes;
  }

  /**
   * Returns where the current string token's content starts in {@link #bytes}, when its closing
   * quote follows {@code length} bytes on; -1 otherwise. The caller checks the content, as IDs and
   * numbers hold neither quotes nor backslashes.
   */
  int start(JsonParser parser, int length) {
    int start = contentStart(parser);
    return start < 0 || start + length >= bytes.length || bytes[start + length] != '"' ? -1 : start;
  }

  /**
   * Returns the length of the string content starting at {@code start} when it has no escapes, else
   * -1.
   */
  int plainLength(int start) {
    if (start < 0) {
      return -1;
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == '"') {
        return i - start;
      }
      if (bytes[i] == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /** Returns where the current string token's content starts, or -1 when it cannot be found. */
  int contentStart(JsonParser parser) {
    if (parser.currentToken() != JsonToken.VALUE_STRING || !(parser instanceof ParserBase)) {
      return -1;
    }
    // For a value token Jackson's location is this offset less one, which is the opening quote
    // (checked below); asking for the location itself would allocate one per string.
    long quote = base + ((ParserBase) parser).getTokenCharacterOffset() - 1;
    return quote >= 0 && quote < bytes.length && bytes[(int) quote] == '"' ? (int) quote + 1 : -1;
  }
}
