package dev.tracelookup.render;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message as Slack receives it: the notification fallback {@code text} and the Block Kit blocks.
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
  /** Built once: a Gson learns each Block Kit class by reflection the first time it meets it. */
  private static final Gson GSON = GsonFactory.createSnakeCase();

  public SlackMessage {
    Objects.requireNonNull(text, "text");
    blocks = List.copyOf(blocks);
  }

  public static SlackMessage plain(String text) {
    return new SlackMessage(text, List.of());
  }

  /** Returns the exact JSON Slack would get: {@code {"text":…,"blocks":[…]}}. */
  public String toJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", text);
    if (!blocks.isEmpty()) {
      body.put("blocks", blocks);
    }
    return GSON.toJson(body);
  }
}
