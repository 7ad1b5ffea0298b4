package dev.tracelookup.tickets.links;

import com.slack.api.model.Attachment;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds ticket links in what an agent points the bot at: a Slack message's text and blocks, or the
 * argument of {@code /trace-lookup <ticket-url>}. Recognises Zendesk, Jira / Jira Service
 * Management, Freshdesk and Intercom, plus the hosts configured in {@link TicketHosts}.
 *
 * <p>Results keep the order of the message and name each ticket once, however often it is linked.
 */
public final class TicketLinks {
  private final TicketUrls urls;

  public TicketLinks(TicketHosts hosts) {
    this.urls = new TicketUrls(hosts);
  }

  /** Returns the ticket links in Slack text ({@code <url|label>} markup or bare URLs). */
  public List<TicketLink> find(String messageText) {
    return distinct(LinkText.urls(messageText));
  }

  /** Returns the ticket links in a message's blocks. */
  public List<TicketLink> findInBlocks(List<LayoutBlock> blocks) {
    return distinct(BlockText.urls(blocks));
  }

  /**
   * Returns the ticket links in a whole message: its text first, then its blocks, which usually
   * repeat the text but are all there is for messages posted by apps.
   */
  public List<TicketLink> findInMessage(String messageText, List<LayoutBlock> blocks) {
    List<String> all = new ArrayList<>(LinkText.urls(messageText));
    all.addAll(BlockText.urls(blocks));
    return distinct(all);
  }

  /**
   * Returns the ticket links in a whole message, legacy attachments included: its text, then its
   * blocks, then its attachments ({@code title_link}, {@code from_url}, text, fallback, fields),
   * which are all an integration bot's post may have.
   */
  public List<TicketLink> findInMessage(
      String messageText, List<LayoutBlock> blocks, List<Attachment> attachments) {
    List<String> all = new ArrayList<>(LinkText.urls(messageText));
    all.addAll(BlockText.urls(blocks));
    all.addAll(AttachmentText.urls(attachments));
    return distinct(all);
  }

  /** Returns the ticket one URL points at; the URL may still carry Slack's {@code <…|label>}. */
  public Optional<TicketLink> parse(String url) {
    List<TicketLink> found = find(url == null ? "" : url.trim());
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private List<TicketLink> distinct(List<String> candidates) {
    Map<String, TicketLink> byTicket = new LinkedHashMap<>();
    for (String candidate : candidates) {
      if (candidate != null) {
        urls.match(candidate)
            .ifPresent(
                link ->
                    byTicket.putIfAbsent(
                        link.system() + " " + link.host() + " " + link.key(), link));
      }
    }
    return List.copyOf(byTicket.values());
  }
}
