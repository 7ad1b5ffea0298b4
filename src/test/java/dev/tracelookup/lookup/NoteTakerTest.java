package dev.tracelookup.lookup;

import static dev.tracelookup.trace.TestSpans.span;
import static dev.tracelookup.trace.TestSpans.trace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.incidents.CatalogSettings;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.render.BlockKitCheck;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.testing.ManualScheduler;
import dev.tracelookup.testing.MutableClock;
import dev.tracelookup.tickets.TicketNote;
import dev.tracelookup.tickets.TicketNoteWriters;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.trace.TraceAnalyzer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The note a lookup writes into its ticket, and the button that offers it: redacted as a channel
 * copy, and offered only on the agent's card of a lookup from a ticket the bot may write to.
 */
final class NoteTakerTest {
  private static final String CUSTOMER = "usr_k8x9m2";
  private static final UserIdFingerprint FINGERPRINTS =
      new UserIdFingerprint(
          "test fingerprint key, 32 bytes!!".getBytes(StandardCharsets.US_ASCII), "a test key");
  private static final UserIdHasher HASHER =
      UserIdHasher.hmac("k3y".getBytes(StandardCharsets.UTF_8), UserIdHasher.Format.HEX, "h:");
  private static final String STORED = HASHER.stored(CUSTOMER);
  private static final TicketLink TICKET =
      new TicketLink(
          TicketSystem.ZENDESK,
          "acme.zendesk.com",
          "4512",
          "https://acme.zendesk.com/agent/tickets/4512");

  private final ChannelCopies copies = new ChannelCopies(FINGERPRINTS, HASHER, false);
  private final RequestTokens tokens =
      new RequestTokens(
          Pattern.compile("[A-Za-z0-9_]{1,64}"),
          Duration.ofHours(168),
          "key".getBytes(StandardCharsets.UTF_8));
  private final IncidentCatalog incidents =
      new IncidentCatalog(
          List.of(),
          CatalogSettings.defaults(),
          new ManualScheduler(),
          new MutableClock(Instant.parse("2026-02-06T15:00:00Z")));
  private final NoteTaker notes = new NoteTaker(null, incidents, copies, TicketNoteWriters.none());

  private static LookupRequest request() {
    TimeWindow window =
        new TimeWindow(
            Instant.parse("2026-02-06T14:00:00Z"),
            Instant.parse("2026-02-06T14:30:00Z"),
            ZoneOffset.UTC,
            "test");
    return new LookupRequest(CUSTOMER, window, Optional.empty(), Optional.empty(), false);
  }

  /** A failing checkout whose service names, statuses and link carry the ID and its hash. */
  private static LookupOutcome.Found found() {
    TraceCard card =
        new TraceCard(
            TraceAnalyzer.analyze(
                trace(
                    span("a")
                        .server()
                        .name("POST /carts/" + STORED)
                        .http(500)
                        .attribute("user.id", STORED)
                        .build(),
                    span("b")
                        .parent("a")
                        .client()
                        .name("GET /users/" + CUSTOMER)
                        .http(502)
                        .error("no profile for " + STORED)
                        .attribute("server.address", "profiles")
                        .build())),
            Optional.of("https://grafana.example/explore?user=" + CUSTOMER));
    return new LookupOutcome.Found(request(), List.of(card), 1, List.of(), false);
  }

  @Test
  void note_namesTheCustomerByFingerprintOnlyAsASharedCopyDoes() throws Exception {
    TicketNote note =
        notes.note(found(), TICKET, Optional.of("Same failure for 37 requests, incl. " + CUSTOMER));

    String everything =
        (note + dev.tracelookup.tickets.NoteHtml.of(note, true)).toLowerCase(Locale.ROOT);
    assertThat(everything)
        .doesNotContain(CUSTOMER)
        .doesNotContain(STORED.substring(2))
        .doesNotContain("grafana.example");
    assertThat(note.heading())
        .isEqualTo(
            "Trace lookup for customer "
                + FINGERPRINTS.of(CUSTOMER)
                + " · 2026-02-06 14:00–14:30 UTC");
    assertThat(note.verdict()).startsWith("❌ Failed: POST /carts/[customer]");
    assertThat(note.errorPath())
        .anySatisfy(line -> assertThat(line).contains("GET /users/[customer]"));
    assertThat(note.rootCause())
        .hasValueSatisfying(cause -> assertThat(cause).startsWith("Root cause:"));
    assertThat(note.trace().url()).isEmpty();
    assertThat(note.blastRadius()).contains("Same failure for 37 requests, incl. [customer]");
    assertThat(note.marker()).matches("tl-[0-9a-f]{20}");
  }

  @Test
  void marker_sameTicketAndSearchUnderTheSameKey_isTheSameOnEveryReplica() {
    NoteTaker replica =
        new NoteTaker(
            null,
            incidents,
            new ChannelCopies(FINGERPRINTS, HASHER, false),
            TicketNoteWriters.none());
    TicketLink sameTicketOtherUrl =
        new TicketLink(
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4512",
            "https://acme.zendesk.com/api/v2/tickets/4512.json");
    TicketLink otherTicket =
        new TicketLink(
            TicketSystem.ZENDESK,
            "acme.zendesk.com",
            "4513",
            "https://acme.zendesk.com/agent/tickets/4513");

    String marker = notes.marker(TICKET, request());

    assertThat(replica.marker(sameTicketOtherUrl, request())).isEqualTo(marker);
    assertThat(notes.marker(otherTicket, request())).isNotEqualTo(marker);
    assertThat(marker).doesNotContain(FINGERPRINTS.of(CUSTOMER).substring(2));
  }

  @Test
  void present_lookupFromAWritableTicket_offersAddNoteCarryingTheTicketAndTheLookup()
      throws Exception {
    LookupPresenter presenter =
        new LookupPresenter(new CardRenderer(), "Tempo", tokens, incidents, copies)
            .withTicketNotes(link -> link.equals(TICKET));

    SlackMessage card =
        presenter.present(
            found(), ZoneOffset.UTC, Audience.agent(true).forTicket(Optional.of(TICKET)));

    JsonNode button = noteButton(card).orElseThrow(() -> new AssertionError(card.toJson()));
    assertThat(button.path("text").path("text").asText()).isEqualTo("Add note to ticket");
    assertThat(tokens.note(button.path("value").asText()))
        .contains(new RequestTokens.NoteButton(TICKET.url(), request()));
    assertThat(BlockKitCheck.violations(card)).isEmpty();
  }

  @Test
  void present_withoutWriteAccessToThatSystem_offersNoNoteButton() throws Exception {
    LookupPresenter presenter =
        new LookupPresenter(new CardRenderer(), "Tempo", tokens, incidents, copies)
            .withTicketNotes(link -> false);

    SlackMessage card =
        presenter.present(
            found(), ZoneOffset.UTC, Audience.agent(true).forTicket(Optional.of(TICKET)));

    assertThat(noteButton(card)).isEmpty();
    assertThat(card.toJson()).contains("Post to thread");
  }

  @Test
  void present_lookupNotFromATicketOrSharedCopy_offersNoNoteButton() throws Exception {
    LookupPresenter presenter =
        new LookupPresenter(new CardRenderer(), "Tempo", tokens, incidents, copies)
            .withTicketNotes(link -> true);

    SlackMessage typed = presenter.present(found(), ZoneOffset.UTC, Audience.agent(false));
    SlackMessage shared =
        presenter.present(
            found(), ZoneOffset.UTC, Audience.channel("U0AGENT").forTicket(Optional.of(TICKET)));

    assertThat(noteButton(typed)).isEmpty();
    assertThat(noteButton(shared)).isEmpty();
  }

  private static Optional<JsonNode> noteButton(SlackMessage message) throws Exception {
    JsonNode json = new ObjectMapper().readTree(message.toJson());
    return json.findParents("action_id").stream()
        .filter(element -> element.path("action_id").asText().equals("add_ticket_note"))
        .findFirst();
  }
}
