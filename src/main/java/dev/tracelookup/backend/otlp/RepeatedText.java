package dev.tracelookup.backend.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.backend.json.JsonSteps;
import java.io.IOException;
import java.util.Arrays;

/**
 * The short strings one document repeats on every span (the trace ID, attribute keys), each made
 * once and shared by all the spans that carry it.
 *
 * <p>Sharing saves the allocation per occurrence, keeps a big trace's heap small, gives map keys
 * whose hash is already computed, and lets the reader normalise a trace ID once per run of spans.
 * Values are not shared: most differ per span, and looking them up costs more than it saves. One
 * instance serves one document on one thread; it has a fixed number of slots, so a document of
 * all-different strings cannot grow it.
 */
final class RepeatedText {
  private static final int SLOTS = 1024;
  // Longer strings seldom repeat (URLs, messages): comparing them would cost more than it saves.
  private static final int MAX_LENGTH = 64;

  // Hashing only the ends is enough to spread IDs, keys and names, which differ there.
  private static final int HASHED_TAIL = 8;

  private final String[] slots = new String[SLOTS];
  // Each slot's string as chars too, so a hit is checked by one vectorised comparison.
  private final char[][] slotChars = new char[SLOTS][];

  /** Returns a scalar's text like {@link JsonSteps#text}, the same instance when it repeats. */
  String text(JsonParser parser, String what) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return JsonSteps.text(parser, what);
    }
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    if (length > MAX_LENGTH) {
      return parser.getText();
    }
    int end = offset + length;
    int slot = slot(chars, offset, end);
    char[] known = slotChars[slot];
    if (known != null && Arrays.equals(known, 0, known.length, chars, offset, end)) {
      return slots[slot];
    }
    String text = new String(chars, offset, length);
    slots[slot] = text;
    slotChars[slot] = Arrays.copyOfRange(chars, offset, end);
    return text;
  }

  private static int slot(char[] chars, int offset, int end) {
    int hash = end - offset;
    if (end > offset) {
      hash = 31 * hash + chars[offset];
    }
    for (int i = Math.max(offset, end - HASHED_TAIL); i < end; i++) {
      hash = 31 * hash + chars[i];
    }
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
