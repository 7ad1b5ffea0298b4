package dev.tracelookup.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a message against Slack's Block Kit limits (reference/slack.md §5) on the JSON Slack would
 * receive, so that what is checked is exactly what is sent. A test fixture: every rendered message
 * the tests and benchmarks make goes through it, while main code only builds within {@link
 * BlockKitLimits}, counting text the same way.
 */
public final class BlockKitCheck {
  static final int MAX_BLOCK_ID = 255;

  // Slack truncates longer fallback texts.
  static final int MAX_FALLBACK_TEXT = 40_000;

  private BlockKitCheck() {}

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
    if (blocks.size() > BlockKitLimits.MAX_BLOCKS) {
      found.add("message: " + blocks.size() + " blocks, limit " + BlockKitLimits.MAX_BLOCKS);
    }
    int total = BlockKitLimits.textLength(blocks);
    if (total > BlockKitLimits.MAX_TOTAL_TEXT) {
      found.add(tooLong("message: block text", total, BlockKitLimits.MAX_TOTAL_TEXT));
    }
    checkBlocks(blocks, found);
    return found;
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
}
