package dev.tracelookup.tickets.links;

import static dev.tracelookup.tickets.TicketApiFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TicketLinksBlocksTest {
  private final TicketLinks links = new TicketLinks(TicketHosts.none());

  /** The message of a real-shaped {@code message_action} payload, parsed the way Bolt parses it. */
  private static Message shortcutMessage() {
    String payload = fixture("slack/message-shortcut-ticket-links.json");
    return GsonFactory.createSnakeCase()
        .fromJson(payload, MessageShortcutPayload.class)
        .getMessage();
  }

  @Test
  void findInBlocks_richTextSectionsListsQuotesCodeAndAppSections_inReadingOrder() {
    Message message = shortcutMessage();

    List<TicketLink> found = links.findInBlocks(message.getBlocks());

    assertThat(found)
        .extracting(TicketLink::reference)
        .containsExactly(
            "Zendesk #4512",
            "Jira SUP-123",
            "Intercom conversation 215469",
            "JSM SUP-124",
            "Freshdesk #77",
            "Zendesk #4600");
  }

  @Test
  void findInMessage_textAndBlocksRepeatingIt_namesEachTicketOnce() {
    Message message = shortcutMessage();

    List<TicketLink> found = links.findInMessage(message.getText(), message.getBlocks());

    assertThat(found)
        .extracting(TicketLink::reference)
        .startsWith("Zendesk #4512", "Jira SUP-123")
        .hasSize(6);
  }

  @Test
  void findInMessage_blockOnlyMessage_stillFindsLinks() {
    Message message = shortcutMessage();

    assertThat(links.findInMessage(null, message.getBlocks())).hasSize(6);
    assertThat(links.findInBlocks(null)).isEmpty();
  }
}
