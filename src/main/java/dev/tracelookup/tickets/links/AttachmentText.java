package dev.tracelookup.tickets.links;

import com.slack.api.model.Attachment;
import com.slack.api.model.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the URLs in a message's legacy attachments, in reading order. Many integration bots
 * (ticket systems among them) still post a ticket as an attachment whose only link is the title's
 * ({@code title_link}); unfurled links carry theirs in {@code from_url} or {@code original_url}.
 */
final class AttachmentText {
  private AttachmentText() {}

  static List<String> urls(List<Attachment> attachments) {
    List<String> urls = new ArrayList<>();
    if (attachments == null) {
      return urls;
    }
    for (Attachment attachment : attachments) {
      if (attachment == null) {
        continue;
      }
      bare(attachment.getTitleLink(), urls);
      bare(attachment.getFromUrl(), urls);
      bare(attachment.getOriginalUrl(), urls);
      urls.addAll(LinkText.urls(attachment.getPretext()));
      urls.addAll(LinkText.urls(attachment.getTitle()));
      urls.addAll(LinkText.urls(attachment.getText()));
      urls.addAll(LinkText.urls(attachment.getFallback()));
      if (attachment.getFields() != null) {
        for (Field field : attachment.getFields()) {
          if (field != null) {
            urls.addAll(LinkText.urls(field.getValue()));
          }
        }
      }
      urls.addAll(BlockText.urls(attachment.getBlocks()));
    }
    return urls;
  }

  /** A link field holds one URL as is, not Slack text: taken whole, escapes undone. */
  private static void bare(String url, List<String> urls) {
    if (url != null && !url.isBlank()) {
      urls.add(LinkText.unescape(url.strip()));
    }
  }
}
