package dev.tracelookup.render;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.stream.JsonWriter;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Slack's Block Kit limits the renderers build within (reference/slack.md §5), and how text is
 * counted against them: on the JSON Slack would receive, so that what is counted is exactly what is
 * sent. The check of a whole message against every limit is a test fixture ({@code BlockKitCheck}),
 * run on every rendered message; main code only keeps within the limits.
 */
final class BlockKitLimits {
  static final int MAX_BLOCKS = 50;

  /**
   * Slack refuses messages whose blocks hold about 13,000 characters of text in all ({@code
   * msg_blocks_too_long}, slackapi/bolt-js#2509) although no limit is documented; stay below.
   */
  static final int MAX_TOTAL_TEXT = 12_000;

  static final int MAX_SECTION_TEXT = 3_000;
  static final int MAX_HEADER_TEXT = 150;
  static final int MAX_BUTTON_TEXT = 75;
  static final int MAX_BUTTON_VALUE = 2_000;
  static final int MAX_BUTTON_URL = 3_000;

  private static final Gson GSON = GsonFactory.createSnakeCase();

  private BlockKitLimits() {}

  /** Returns the characters of text the block adds to the message, as counted against the total. */
  static int textLength(LayoutBlock block) {
    // Streamed rather than built as a tree: every block of every card is counted, and the tree was
    // a tenth of what a card allocated. BlockKitLimitsTest holds the two counts equal.
    TextCounter counter = new TextCounter();
    GSON.toJson(block, block.getClass(), counter);
    return counter.total;
  }

  /** Sums the lengths of every {@code text} string: the text of all text objects. */
  static int textLength(JsonElement element) {
    int total = 0;
    if (element.isJsonArray()) {
      for (JsonElement item : element.getAsJsonArray()) {
        total += textLength(item);
      }
    } else if (element.isJsonObject()) {
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        JsonElement value = entry.getValue();
        boolean text = entry.getKey().equals("text") && value.isJsonPrimitive();
        total += text ? value.getAsString().length() : textLength(value);
      }
    }
    return total;
  }

  /**
   * Counts the strings written under a {@code text} name while the JSON goes nowhere; what Gson
   * leaves out (nulls) never reaches {@link #value(String)}.
   */
  private static final class TextCounter extends JsonWriter {
    private boolean named;
    private int total;

    TextCounter() {
      super(Writer.nullWriter());
    }

    @Override
    public JsonWriter name(String name) throws IOException {
      named = name.equals("text");
      return super.name(name);
    }

    @Override
    public JsonWriter value(String value) throws IOException {
      if (named && value != null) {
        total += value.length();
      }
      named = false;
      return super.value(value);
    }

    @Override
    public JsonWriter beginObject() throws IOException {
      named = false;
      return super.beginObject();
    }

    @Override
    public JsonWriter beginArray() throws IOException {
      named = false;
      return super.beginArray();
    }
  }
}
