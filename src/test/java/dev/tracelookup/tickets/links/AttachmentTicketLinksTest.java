package dev.tracelookup.tickets.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.Attachment;
import com.slack.api.model.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ticket links that integration bots post only in legacy attachments: the title's link, an unfurl's
 * {@code from_url}, the text, the fallback, a field's value.
 */
final class AttachmentTicketLinksTest {
  private final TicketLinks links = new TicketLinks(TicketHosts.none());

  @Test
  void findInMessage_linkOnlyInTitleLink_findsTheTicket() {
    Attachment ticket =
        Attachment.builder()
            .title("Checkout keeps failing")
            .titleLink("https://acme.zendesk.com/agent/tickets/4512")
            .text("Priority: high")
            .build();

    List<TicketLink> found = links.findInMessage("", List.of(), List.of(ticket));

    assertThat(found).extracting(TicketLink::reference).containsExactly("Zendesk #4512");
  }

  @Test
  void findInMessage_linksInFromUrlTextFallbackAndFields_inReadingOrder() {
    Attachment unfurl =
        Attachment.builder().fromUrl("https://acme.zendesk.com/agent/#/tickets/1").build();
    Attachment post =
        Attachment.builder()
            .text("See <https://acme.atlassian.net/browse/SUP-2|SUP-2>")
            .fallback("New ticket https://acme.freshdesk.com/a/tickets/3")
            .fields(
                List.of(
                    Field.builder()
                        .title("Ticket")
                        .value("<https://acme.zendesk.com/agent/tickets/4|#4>")
                        .build()))
            .build();

    List<TicketLink> found = links.findInMessage("no link here", List.of(), List.of(unfurl, post));

    assertThat(found)
        .extracting(TicketLink::reference)
        .containsExactly("Zendesk #1", "Jira SUP-2", "Freshdesk #3", "Zendesk #4");
  }

  @Test
  void findInMessage_noAttachments_readsTextAndBlocksAsBefore() {
    List<TicketLink> found =
        links.findInMessage("<https://acme.zendesk.com/agent/tickets/9|#9>", List.of(), null);

    assertThat(found).extracting(TicketLink::reference).containsExactly("Zendesk #9");
  }
}
