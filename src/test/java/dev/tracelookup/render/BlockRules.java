package dev.tracelookup.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-block limits {@link BlockKitCheck} checks, block type by block type: those the renderers
 * build within come from {@link BlockKitLimits}, the others are only checked.
 */
final class BlockRules {
  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD_TEXT = 2_000;
  static final int MAX_CONTEXT_ELEMENTS = 10;
  static final int MAX_ACTIONS_ELEMENTS = 25;
  static final int MAX_ACTION_ID = 255;
  private static final int MAX_TEXT_OBJECT = 3_000;

  private BlockRules() {}

  /** Adds to {@code found} every limit the block breaks, each prefixed with {@code where}. */
  static void check(String where, String type, JsonObject block, List<String> found) {
    switch (type) {
      case "section":
        section(where, block, found);
        break;
      case "header":
        textObject(
            where + ": text", block.get("text"), BlockKitLimits.MAX_HEADER_TEXT, true, found);
        break;
      case "context":
        elements(where, block, MAX_CONTEXT_ELEMENTS, found);
        break;
      case "actions":
        elements(where, block, MAX_ACTIONS_ELEMENTS, found);
        break;
      default:
        break;
    }
  }

  private static void section(String where, JsonObject block, List<String> found) {
    JsonArray fields = block.has("fields") ? block.getAsJsonArray("fields") : new JsonArray();
    if (!block.has("text") && fields.isEmpty()) {
      found.add(where + ": neither text nor fields");
    }
    if (block.has("text")) {
      textObject(
          where + ": text", block.get("text"), BlockKitLimits.MAX_SECTION_TEXT, false, found);
    }
    if (fields.size() > MAX_FIELDS) {
      found.add(where + ": " + fields.size() + " fields, limit " + MAX_FIELDS);
    }
    for (int i = 0; i < fields.size(); i++) {
      textObject(where + ": field " + i, fields.get(i), MAX_FIELD_TEXT, false, found);
    }
    if (block.has("accessory")) {
      element(where + ": accessory", block.getAsJsonObject("accessory"), found);
    }
  }

  private static void elements(String where, JsonObject block, int limit, List<String> found) {
    JsonArray elements = block.has("elements") ? block.getAsJsonArray("elements") : new JsonArray();
    if (elements.isEmpty() || elements.size() > limit) {
      found.add(where + ": " + elements.size() + " elements, allowed 1 to " + limit);
    }
    Set<String> actionIds = new HashSet<>();
    for (int i = 0; i < elements.size(); i++) {
      JsonObject element = elements.get(i).getAsJsonObject();
      String elementWhere = where + ": element " + i;
      if (isTextObject(element)) {
        textObject(elementWhere, element, MAX_TEXT_OBJECT, false, found);
        continue;
      }
      element(elementWhere, element, found);
      if (element.has("action_id") && !actionIds.add(element.get("action_id").getAsString())) {
        found.add(
            elementWhere
                + ": action_id "
                + element.get("action_id").getAsString()
                + " is not unique in its block");
      }
    }
  }

  private static void element(String where, JsonObject element, List<String> found) {
    maxLength(where + ": action_id", element.get("action_id"), MAX_ACTION_ID, found);
    if (!"button".equals(string(element.get("type")))) {
      return;
    }
    textObject(where + ": text", element.get("text"), BlockKitLimits.MAX_BUTTON_TEXT, true, found);
    maxLength(where + ": value", element.get("value"), BlockKitLimits.MAX_BUTTON_VALUE, found);
    maxLength(where + ": url", element.get("url"), BlockKitLimits.MAX_BUTTON_URL, found);
  }

  private static void textObject(
      String where, JsonElement object, int limit, boolean plainOnly, List<String> found) {
    if (object == null || !object.isJsonObject() || !isTextObject(object.getAsJsonObject())) {
      found.add(where + ": missing text object");
      return;
    }
    JsonObject text = object.getAsJsonObject();
    if (plainOnly && !"plain_text".equals(string(text.get("type")))) {
      found.add(where + ": must be plain_text");
    }
    String value = string(text.get("text"));
    if (value.isEmpty()) {
      found.add(where + ": empty text");
    }
    if (value.length() > limit) {
      found.add(BlockKitCheck.tooLong(where, value.length(), limit));
    }
  }

  private static void maxLength(String where, JsonElement value, int limit, List<String> found) {
    String text = string(value);
    if (text.length() > limit) {
      found.add(BlockKitCheck.tooLong(where, text.length(), limit));
    }
  }

  private static boolean isTextObject(JsonObject object) {
    String type = string(object.get("type"));
    return type.equals("plain_text") || type.equals("mrkdwn");
  }

  private static String string(JsonElement value) {
    return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
  }
}
