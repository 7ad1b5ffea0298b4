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

  /** A modal or Home tab holds up to 100 blocks, and up to 3,000 characters of private_metadata. */
  static final int MAX_VIEW_BLOCKS = 100;

  static final int MAX_PRIVATE_METADATA = 3_000;
  static final int MAX_CALLBACK_ID = 255;

  /**
   * Returns every limit a view ({@code views.publish}, {@code views.open}) breaks, on its JSON as
   * sent; empty when Slack will accept it.
   */
  public static List<String> viewViolations(String viewJson) {
    JsonObject view = JsonParser.parseString(viewJson).getAsJsonObject();
    List<String> found = new ArrayList<>();
    if (!view.has("type")) {
      found.add("view: no type");
    }
    JsonArray blocks = view.has("blocks") ? view.getAsJsonArray("blocks") : new JsonArray();
    if (blocks.size() > MAX_VIEW_BLOCKS) {
      found.add("view: " + blocks.size() + " blocks, limit " + MAX_VIEW_BLOCKS);
    }
    String metadata =
        view.has("private_metadata") ? view.get("private_metadata").getAsString() : "";
    if (metadata.length() > MAX_PRIVATE_METADATA) {
      found.add(tooLong("view: private_metadata", metadata.length(), MAX_PRIVATE_METADATA));
    }
    String callbackId = view.has("callback_id") ? view.get("callback_id").getAsString() : "";
    if (callbackId.length() > MAX_CALLBACK_ID) {
      found.add(tooLong("view: callback_id", callbackId.length(), MAX_CALLBACK_ID));
    }
    checkBlocks(blocks, found);
    return found;
  }

  /**
   * Returns every limit the {@code unfurls} of a {@code chat.unfurl} break: each link's blocks as
   * those of a message.
   */
  public static List<String> unfurlViolations(String unfurlsJson) {
    JsonObject unfurls = JsonParser.parseString(unfurlsJson).getAsJsonObject();
    List<String> found = new ArrayList<>();
    for (String url : unfurls.keySet()) {
      JsonObject unfurl = unfurls.getAsJsonObject(url);
      JsonArray blocks = unfurl.has("blocks") ? unfurl.getAsJsonArray("blocks") : new JsonArray();
      if (blocks.isEmpty()) {
        found.add(url + ": no blocks");
      }
      if (blocks.size() > BlockKitLimits.MAX_BLOCKS) {
        found.add(url + ": " + blocks.size() + " blocks, limit " + BlockKitLimits.MAX_BLOCKS);
      }
      int total = BlockKitLimits.textLength(blocks);
      if (total > BlockKitLimits.MAX_TOTAL_TEXT) {
        found.add(tooLong(url + ": block text", total, BlockKitLimits.MAX_TOTAL_TEXT));
      }
      List<String> inBlocks = new ArrayList<>();
      checkBlocks(blocks, inBlocks);
      inBlocks.forEach(problem -> found.add(url + ": " + problem));
    }
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
