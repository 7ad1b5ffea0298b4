package dev.tracelookup.tickets;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A note as the lookup composes it, and the tickets the writer tests add it to. */
public final class NoteFixtures {
  public static final String MARKER = "tl-Zq3x9LmN0pQrStUvWxYz1a";

  public static final TicketLink ZENDESK_4512 =
      new TicketLink(
          TicketSystem.ZENDESK,
          "acme.zendesk.com",
          "4512",
          "https://acme.zendesk.com/agent/tickets/4512");
  public static final TicketLink JIRA_SUP_123 =
      new TicketLink(
          TicketSystem.JIRA,
          "acme.atlassian.net",
          "SUP-123",
          "https://acme.atlassian.net/servicedesk/customer/portal/2/SUP-123");
  public static final TicketLink FRESHDESK_77 =
      new TicketLink(
          TicketSystem.FRESHDESK,
          "acme.freshdesk.com",
          "77",
          "https://acme.freshdesk.com/a/tickets/77");
  public static final TicketLink INTERCOM_215469 =
      new TicketLink(
          TicketSystem.INTERCOM,
          "app.intercom.com",
          "215469",
          "https://app.intercom.com/a/inbox/abc123/inbox/conversation/215469");

  private NoteFixtures() {}

  /**
   * Returns a client for the endpoint with its own timeouts (a write has one attempt: a cold first
   * request must not time out as the resolver tests' quick client lets it) and no waits between
   * read retries.
   */
  public static BackendHttp http(Endpoint endpoint) {
    return new BackendHttp(TicketApiFixtures.CLIENT, endpoint, Clock.systemUTC(), pause -> {});
  }

  /** Returns the note of the demo's payment failure, under the marker. */
  public static TicketNote paymentFailure(String marker) {
    return new TicketNote(
        "Trace lookup for customer u:3f9a2c71 · 2026-02-06 14:00–14:30 UTC",
        "❌ Failed: POST /api/v1/orders answered 500 Internal Server Error after 1.9 s",
        List.of(
            "✅ order.validate",
            "❌ payment.process_charge",
            "   ❌ POST payment-svc/charge → 502 Bad Gateway"),
        Optional.of(
            "Root cause: order-svc → payment-svc · POST payment-svc/charge → 502 <Bad> & Gateway"),
        new TicketNote.Link(
            "Trace 4bf92f35… · 2026-02-06 14:17:23 UTC",
            Optional.of("https://grafana.acme.com/explore?trace=4bf92f35&x=1")),
        Optional.of(
            new TicketNote.Link(
                "Matches known incident: INC-4521 \"Payment gateway unreachable\"",
                Optional.of("https://status.acme.com/incidents/4521"))),
        Optional.empty(),
        marker);
  }

  public static TicketNote paymentFailure() {
    return paymentFailure(MARKER);
  }
}
