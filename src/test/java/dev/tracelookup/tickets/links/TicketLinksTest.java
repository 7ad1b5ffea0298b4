package dev.tracelookup.tickets.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.tickets.TicketSystem;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class TicketLinksTest {
  private static final TicketHosts HOSTS =
      new TicketHosts(
          Map.of("support.acme.com", "acme.zendesk.com"),
          Set.of("jira.acme.internal"),
          Map.of("help.acme.com", "acme.freshdesk.com"));
  private final TicketLinks links = new TicketLinks(HOSTS);

  static Stream<Arguments> recognisedLinks() {
    return Stream.of(
        link(
            "Zendesk agent view",
            "https://acme.zendesk.com/agent/tickets/4512",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Zendesk legacy agent view, routed in the fragment",
            "https://acme.zendesk.com/agent/#/tickets/4512",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Zendesk legacy agent view without the slash",
            "https://acme.zendesk.com/agent#/tickets/4512",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Zendesk agent view, events tab",
            "https://acme.zendesk.com/agent/tickets/4512/events",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Zendesk Help Center request",
            "https://acme.zendesk.com/hc/en-us/requests/4512",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Zendesk Help Center request, no locale",
            "https://acme.zendesk.com/hc/requests/4512",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Zendesk API",
            "https://acme.zendesk.com/api/v2/tickets/4512.json",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Zendesk host-mapped Help Center",
            "https://support.acme.com/hc/en-gb/requests/4512",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Zendesk upper-case host",
            "https://ACME.Zendesk.com/agent/tickets/4512",
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512"),
        link(
            "Jira browse",
            "https://acme.atlassian.net/browse/SUP-123",
            TicketSystem.JIRA,
            "acme.atlassian.net",
            "SUP-123"),
        link(
            "Jira board side panel",
            "https://acme.atlassian.net/jira/software/c/projects/ABC/boards/1?selectedIssue=ABC-12",
            TicketSystem.JIRA,
            "acme.atlassian.net",
            "ABC-12"),
        link(
            "JSM portal",
            "https://acme.atlassian.net/servicedesk/customer/portal/2/SUP-123",
            TicketSystem.JIRA,
            "acme.atlassian.net",
            "SUP-123"),
        link(
            "JSM agent queue",
            "https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-123",
            TicketSystem.JIRA,
            "acme.atlassian.net",
            "SUP-123"),
        link(
            "Jira REST API",
            "https://acme.atlassian.net/rest/api/3/issue/SUP-123",
            TicketSystem.JIRA,
            "acme.atlassian.net",
            "SUP-123"),
        link(
            "Jira Data Center under /jira",
            "https://jira.acme.internal/jira/browse/OPS_2-7",
            TicketSystem.JIRA,
            "jira.acme.internal",
            "OPS_2-7"),
        link(
            "Jira Data Center portal",
            "http://jira.acme.internal/servicedesk/customer/portal/5/HELP-9",
            TicketSystem.JIRA,
            "jira.acme.internal",
            "HELP-9"),
        link(
            "Freshdesk agent view",
            "https://acme.freshdesk.com/a/tickets/77",
            TicketSystem.FRESHDESK,
            "acme.freshdesk.com",
            "77"),
        link(
            "Freshdesk old agent view",
            "https://acme.freshdesk.com/helpdesk/tickets/77",
            TicketSystem.FRESHDESK,
            "acme.freshdesk.com",
            "77"),
        link(
            "Freshdesk portal on custom domain",
            "https://help.acme.com/support/tickets/77",
            TicketSystem.FRESHDESK,
            "acme.freshdesk.com",
            "77"),
        link(
            "Freshdesk API",
            "https://acme.freshdesk.com/api/v2/tickets/77?include=requester",
            TicketSystem.FRESHDESK,
            "acme.freshdesk.com",
            "77"),
        link(
            "Intercom inbox",
            "https://app.intercom.com/a/inbox/abc123xy/inbox/shared/all/conversation/215469",
            TicketSystem.INTERCOM,
            "app.intercom.com",
            "215469"),
        link(
            "Intercom EU inbox",
            "https://app.eu.intercom.com/a/inbox/abc123xy/inbox/admin/4412/conversation/215469",
            TicketSystem.INTERCOM,
            "app.eu.intercom.com",
            "215469"),
        link(
            "Intercom legacy apps URL",
            "https://app.intercom.io/a/apps/abc123xy/conversations/215469",
            TicketSystem.INTERCOM,
            "app.intercom.com",
            "215469"),
        link(
            "Intercom AU API",
            "https://api.au.intercom.io/conversations/215469",
            TicketSystem.INTERCOM,
            "app.au.intercom.com",
            "215469"));
  }

  static Stream<Named<String>> nearMisses() {
    return Stream.of(
        Named.of("look-alike suffix", "https://acme.zendesk.com.evil.com/agent/tickets/4512"),
        Named.of("look-alike prefix", "https://evilzendesk.com/agent/tickets/4512"),
        Named.of(
            "user info before the host", "https://acme.zendesk.com@evil.com/agent/tickets/4512"),
        Named.of("ticket list, no ID", "https://acme.zendesk.com/agent/tickets/"),
        Named.of("ID with letters", "https://acme.zendesk.com/agent/tickets/4512abc"),
        Named.of("Zendesk view, not a ticket", "https://acme.zendesk.com/agent/filters/360001"),
        Named.of("Atlassian look-alike", "https://acme.atlassian.net.example.org/browse/SUP-123"),
        Named.of("lower-case Jira key", "https://acme.atlassian.net/browse/sup-123"),
        Named.of("browse without a key", "https://acme.atlassian.net/browse/"),
        Named.of("project, not an issue", "https://acme.atlassian.net/browse/SUP"),
        Named.of("Confluence page", "https://acme.atlassian.net/wiki/spaces/SUP/pages/123"),
        Named.of("unconfigured Data Center host", "https://jira.other.org/browse/SUP-123"),
        Named.of(
            "selectedIssue not a key",
            "https://acme.atlassian.net/jira/software/projects/ABC/boards/1?selectedIssue=abc"),
        Named.of(
            "Freshdesk solutions article",
            "https://acme.freshdesk.com/support/solutions/articles/77"),
        Named.of(
            "Intercom look-alike",
            "https://app.intercom.com.evil.io/a/inbox/abc/inbox/conversation/1"),
        Named.of(
            "Intercom contact page",
            "https://app.intercom.com/a/apps/abc123xy/users/5ba682d23d7cf92bef87bfd4/all-conversations"),
        Named.of("not http", "ftp://acme.zendesk.com/agent/tickets/4512"),
        Named.of("zero ticket ID", "https://acme.freshdesk.com/a/tickets/0"));
  }

  private static Arguments link(
      String name, String url, TicketSystem system, String host, String key) {
    return Arguments.of(Named.of(name, url), system, host, key);
  }

  @ParameterizedTest
  @MethodSource("recognisedLinks")
  void parse_realUrlShapes_recogniseSystemHostAndKey(
      String url, TicketSystem system, String host, String key) {
    assertThat(links.parse(url)).contains(new TicketLink(system, host, key, url));
  }

  @ParameterizedTest
  @MethodSource("recognisedLinks")
  void find_slackWrappedWithLabel_stripsMarkup(
      String url, TicketSystem system, String host, String key) {
    String message =
        "Customer can't check out, see <" + url.replace("&", "&amp;") + "|the ticket>. Thanks!";

    assertThat(links.find(message))
        .extracting(TicketLink::system, TicketLink::host, TicketLink::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(system, host, key));
  }

  @ParameterizedTest
  @MethodSource("nearMisses")
  void find_nearMiss_matchesNothing(String url) {
    assertThat(links.find(url + " and <" + url + "|label>")).isEmpty();
  }

  @Test
  void find_bareUrlEndingASentence_dropsThePunctuation() {
    assertThat(links.find("Please look at https://acme.atlassian.net/browse/SUP-123."))
        .singleElement()
        .extracting(TicketLink::key, TicketLink::url)
        .containsExactly("SUP-123", "https://acme.atlassian.net/browse/SUP-123");
  }

  @Test
  void find_escapedAmpersandInQuery_isUnescaped() {
    String text =
        "<https://acme.atlassian.net/jira/software/projects/ABC/boards/1?view=detail&amp;selectedIssue=ABC-12>";

    assertThat(links.find(text))
        .singleElement()
        .extracting(TicketLink::url)
        .isEqualTo(
            "https://acme.atlassian.net/jira/software/projects/ABC/boards/1?view=detail&selectedIssue=ABC-12");
  }

  @Test
  void find_severalLinks_keepsMessageOrderAndNamesEachTicketOnce() {
    String text =
        "<https://acme.zendesk.com/agent/tickets/2|#2> dup of"
            + " <https://acme.atlassian.net/browse/ENG-9> and"
            + " https://acme.zendesk.com/hc/en-us/requests/2 and"
            + " https://acme.freshdesk.com/a/tickets/5";

    assertThat(links.find(text))
        .extracting(TicketLink::reference)
        .containsExactly("Zendesk #2", "Jira ENG-9", "Freshdesk #5");
  }

  @Test
  void find_mentionsChannelsAndMailLinks_areNotLinks() {
    assertThat(
            links.find("<@U024BE7LH> <#C024BE7LR|support> <mailto:a@acme.zendesk.com|a> <!here>"))
        .isEmpty();
  }

  @Test
  void parse_textWithTwoTickets_isNotOneLink() {
    assertThat(
            links.parse(
                "https://acme.zendesk.com/agent/tickets/1"
                    + " https://acme.zendesk.com/agent/tickets/2"))
        .isEmpty();
  }

  @Test
  void reference_serviceManagementLinks_sayJsm() {
    assertThat(links.parse("https://acme.atlassian.net/servicedesk/customer/portal/2/SUP-123"))
        .map(TicketLink::reference)
        .contains("JSM SUP-123");
  }
}
