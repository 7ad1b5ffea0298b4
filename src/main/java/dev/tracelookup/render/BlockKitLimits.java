package dev.tracelookup.render;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a message against Slack's Block Kit limits (reference/slack.md §5) on the JSON Slack would
 * receive, so that what is checked is exactly what is sent.
 */
public final class BlockKitLimits {
  static final int MAX_BLOCKS = 50;
  static final int MAX_BLOCK_ID = 255;

  /**
   * Slack refuses messages whose blocks hold about 13,000 characters of text in all ({@code
   * msg_blocks_too_long}, slackapi/bolt-js#2509) although no limit is documented; stay below.
   */
  static final int MAX_TOTAL_TEXT = 12_000;

  // Slack truncates longer fallback texts.
  static final int MAX_FALLBACK_TEXT = 40_000;

  private static final Gson GSON = GsonFactory.createSnakeCase();

  private BlockKitLimits() {}

  /**
   * Returns every limit the message breaks, one readable line each ("block 3 (section): text has
   * 3012 characters, limit 3000"); empty when Slack will accept it.
   */
  public static List<String> violations(SlackMessage message) {
    JsonObject json = JsonParser.parseString(message.toJson()).getAsJsonObject();
    List<String> found = new ArrayList<>();
    String text = json.has("text") ? json.get("text").getAsString() : "";
    if (text.isBlank()) {
      found.add("message: no fallback text");
    } else if (text.length() > MAX_FALLBACK_TEXT) {
      found.add(tooLong("message: fallback text", text.length(), MAX_FALLBACK_TEXT));
    }
    JsonArray blocks = json.has("blocks") ? json.getAsJsonArray("blocks") : new JsonArray();
    if (blocks.size() > MAX_BLOCKS) {
      found.add("message: " + blocks.size() + " blocks, limit " + MAX_BLOCKS);
    }
    int total = textLength(blocks);
    if (total > MAX_TOTAL_TEXT) {
      found.add(tooLong("message: block text", total, MAX_TOTAL_TEXT));
    }
    checkBlocks(blocks, found);
    return found;
  }

  /** Returns the characters of text the block adds to the message, as counted against the total. */
  static int textLength(LayoutBlock block) {
    return textLength(GSON.toJsonTree(block));
  }

  static String tooLong(String what, int length, int limit) {
    return what + " has " + length + " characters, limit " + limit;
  }

  private static void checkBlocks(JsonArray blocks, List<String> found) {
    Set<String> blockIds = new HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      JsonObject block = blocks.get(i).getAsJsonObject();
      String type = block.has("type") ? block.get("type").getAsString() : "?";
      String where = "block " + i + " (" + type + ")";
      if (block.has("block_id")) {
        String blockId = block.get("block_id").getAsString();
        if (blockId.length() > MAX_BLOCK_ID) {
          found.add(tooLong(where + ": block_id", blockId.length(), MAX_BLOCK_ID));
        }
        if (!blockIds.add(blockId)) {
          found.add(where + ": block_id " + blockId + " is not unique");
        }
      }
      BlockRules.check(where, type, block, found);
    }
  }

  /** Sums the lengths of every {@code text} string: the text of all text objects. */
  private static int textLength(JsonElement element) {
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
}
