package dev.tracelookup.tickets.links;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.RichTextBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.RichTextElement;
import com.slack.api.model.block.element.RichTextListElement;
import com.slack.api.model.block.element.RichTextPreformattedElement;
import com.slack.api.model.block.element.RichTextQuoteElement;
import com.slack.api.model.block.element.RichTextSectionElement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the URLs in a message's blocks, in reading order: rich-text link elements (what Slack
 * clients send), and links written into section, context and header text (what apps send).
 */
final class BlockText {
  private BlockText() {}

  static List<String> urls(List<LayoutBlock> blocks) {
    List<String> urls = new ArrayList<>();
    if (blocks != null) {
      blocks.forEach(block -> block(block, urls::add));
    }
    return urls;
  }

  private static void block(LayoutBlock block, Consumer<String> urls) {
    if (block instanceof RichTextBlock richText) {
      elements(richText.getElements(), urls);
    } else if (block instanceof SectionBlock section) {
      text(section.getText(), urls);
      if (section.getFields() != null) {
        section.getFields().forEach(field -> text(field, urls));
      }
    } else if (block instanceof ContextBlock context && context.getElements() != null) {
      for (ContextBlockElement element : context.getElements()) {
        if (element instanceof TextObject textObject) {
          text(textObject, urls);
        }
      }
    } else if (block instanceof HeaderBlock header) {
      text(header.getText(), urls);
    }
  }

  private static void elements(List<? extends BlockElement> elements, Consumer<String> urls) {
    if (elements != null) {
      elements.forEach(element -> container(element, urls));
    }
  }

  /** Sections, lists, quotes and code blocks all hold rich-text elements; lists hold sections. */
  private static void container(Object element, Consumer<String> urls) {
    if (element instanceof RichTextSectionElement section) {
      leaves(section.getElements(), urls);
    } else if (element instanceof RichTextListElement list && list.getElements() != null) {
      list.getElements().forEach(item -> container(item, urls));
    } else if (element instanceof RichTextQuoteElement quote) {
      leaves(quote.getElements(), urls);
    } else if (element instanceof RichTextPreformattedElement preformatted) {
      leaves(preformatted.getElements(), urls);
    }
  }

  private static void leaves(List<RichTextElement> elements, Consumer<String> urls) {
    if (elements == null) {
      return;
    }
    for (RichTextElement element : elements) {
      if (element instanceof RichTextSectionElement.Link link) {
        urls.accept(link.getUrl());
      } else if (element instanceof RichTextSectionElement.Text text) {
        LinkText.urls(text.getText()).forEach(urls);
      } else {
        container(element, urls);
      }
    }
  }

  private static void text(TextObject text, Consumer<String> urls) {
    if (text != null) {
      LinkText.urls(text.getText()).forEach(urls);
    }
  }
}
