package dev.tracelookup.slack;

import com.slack.api.model.Attachment;
import com.slack.api.model.Field;
import com.slack.api.model.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a Slack message to read for a customer and a time: its text, then what its legacy
 * attachments say (pretext, title, text, fields), since an integration bot's post often has no text
 * of its own. The fallback is left out: it repeats the rest.
 */
final class MessageWords {
  private MessageWords() {}

  static String of(Message message) {
    List<String> parts = new ArrayList<>();
    add(parts, message.getText());
    if (message.getAttachments() != null) {
      for (Attachment attachment : message.getAttachments()) {
        if (attachment == null) {
          continue;
        }
        add(parts, attachment.getPretext());
        add(parts, attachment.getTitle());
        add(parts, attachment.getText());
        if (attachment.getFields() != null) {
          for (Field field : attachment.getFields()) {
            if (field != null) {
              add(parts, field.getTitle() == null ? null : field.getTitle() + ":");
              add(parts, field.getValue());
            }
          }
        }
      }
    }
    return String.join("\n", parts);
  }

  private static void add(List<String> parts, String text) {
    if (text != null && !text.isBlank()) {
      parts.add(text);
    }
  }
}
