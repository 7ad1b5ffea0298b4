package dev.tracelookup.lookup;

import dev.tracelookup.incidents.Confidence;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.IncidentMatch;
import dev.tracelookup.incidents.IncidentReport;
import dev.tracelookup.incidents.IncidentText;
import dev.tracelookup.render.CardActions;
import dev.tracelookup.render.CardContent;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.IncidentNote;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.ShownTrace;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.render.TextRenderer;
import dev.tracelookup.render.TracePreview;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns lookup outcomes into the message the agent reads, as Block Kit or as terminal text.
 *
 * <p>An answer for a channel ({@link Audience#shared()}) goes through {@link ChannelCopies} on
 * every path, whatever the outcome and whichever renderer draws it: the customer's ID is masked in
 * the analysis before rendering, and whatever string of the rendered message still holds it is
 * masked after.
 */
public final class LookupPresenter {
  /** Other customers hit from which a failure looks like an incident. */
  public static final int DEFAULT_WIDESPREAD_CUSTOMERS = 5;

  private final CardRenderer cards;
  private final TextRenderer text = new TextRenderer();
  private final String backendName;
  private final Optional<RequestTokens> tokens;
  private final Optional<IncidentCatalog> incidents;
  private final ChannelCopies channelCopies;
  private final Predicate<TicketLink> notable;
  private final int widespreadCustomers;

  /** Returns a presenter for answers without buttons or incidents (tests). */
  public LookupPresenter(CardRenderer cards, String backendName) {
    this(cards, backendName, Optional.empty(), Optional.empty(), ChannelCopies.withRandomKey());
  }

  /** Returns a presenter for answers without buttons or incidents, with these channel copies. */
  LookupPresenter(CardRenderer cards, String backendName, ChannelCopies channelCopies) {
    this(cards, backendName, Optional.empty(), Optional.empty(), channelCopies);
  }

  /**
   * Returns a presenter whose private answers carry Share, Refresh and reply buttons with encoded
   * lookups, whose cards name the known incidents matching the failure, and whose copies for a
   * channel are made by {@code channelCopies}.
   */
  public LookupPresenter(
      CardRenderer cards,
      String backendName,
      RequestTokens tokens,
      IncidentCatalog incidents,
      ChannelCopies channelCopies) {
    this(cards, backendName, Optional.of(tokens), Optional.of(incidents), channelCopies);
  }

  private LookupPresenter(
      CardRenderer cards,
      String backendName,
      Optional<RequestTokens> tokens,
      Optional<IncidentCatalog> incidents,
      ChannelCopies channelCopies) {
    this(
        cards,
        backendName,
        tokens,
        incidents,
        channelCopies,
        link -> false,
        DEFAULT_WIDESPREAD_CUSTOMERS);
  }

  private LookupPresenter(
      CardRenderer cards,
      String backendName,
      Optional<RequestTokens> tokens,
      Optional<IncidentCatalog> incidents,
      ChannelCopies channelCopies,
      Predicate<TicketLink> notable,
      int widespreadCustomers) {
    this.widespreadCustomers = widespreadCustomers;
    this.cards = cards;
    this.backendName = backendName;
    this.tokens = tokens;
    this.incidents = incidents;
    this.channelCopies = channelCopies;
    this.notable = notable;
  }

  /**
   * Returns this presenter offering "Add note to ticket" on the agent's cards of lookups that
   * started from a ticket the bot may write to ({@code writable}); without write access to that
   * system, the button does not appear.
   */
  public LookupPresenter withTicketNotes(Predicate<TicketLink> writable) {
    return new LookupPresenter(
        cards, backendName, tokens, incidents, channelCopies, writable, widespreadCustomers);
  }

  /**
   * Returns this presenter with another threshold of other customers from which a failure no
   * incident matches is called out ("no incident declared for this yet") and a matching incident is
   * held one step more likely.
   */
  public LookupPresenter withWidespreadCustomers(int customers) {
    return new LookupPresenter(
        cards, backendName, tokens, incidents, channelCopies, notable, customers);
  }

  /**
   * Returns the Slack message for the outcome, read by an agent in {@code agentZone}, no buttons.
   */
  public SlackMessage present(LookupOutcome outcome, ZoneId agentZone) {
    return present(outcome, agentZone, Audience.terminal());
  }

  /** Returns the Slack message for the outcome as its audience may see it. */
  public SlackMessage present(LookupOutcome outcome, ZoneId agentZone, Audience audience) {
    return present(outcome, agentZone, audience, Optional.empty());
  }

  /**
   * Returns the Slack message for the outcome as its audience may see it, with where the count of
   * other customers with the same failure stands.
   */
  public SlackMessage present(
      LookupOutcome outcome, ZoneId agentZone, Audience audience, Optional<BlastReport> blast) {
    if (!audience.shared()) {
      return render(outcome, outcome, agentZone, audience, Optional.empty(), blast);
    }
    ChannelCopies.Copy copy = channelCopies.of(outcome.request());
    return copy.guarded(
        render(copy.outcome(outcome), outcome, agentZone, audience, Optional.of(copy), blast));
  }

  /**
   * Renders {@code shown}; incidents are matched on {@code original}, whose exception messages a
   * channel copy may have dropped.
   */
  private SlackMessage render(
      LookupOutcome shown,
      LookupOutcome original,
      ZoneId agentZone,
      Audience audience,
      Optional<ChannelCopies.Copy> copy,
      Optional<BlastReport> blast) {
    if (shown instanceof LookupOutcome.Found found) {
      return cards.card(
          content(found, (LookupOutcome.Found) original, agentZone, audience, copy, blast));
    }
    if (shown instanceof LookupOutcome.NoTraces none) {
      return noTraces(none, agentZone, copy);
    }
    String failure = ((LookupOutcome.Failed) shown).failure().userMessage();
    return Messages.failure(copy.map(c -> c.text(failure)).orElse(failure));
  }

  /** Returns the outcome as plain text for a terminal. */
  public String presentText(LookupOutcome outcome, ZoneId agentZone) {
    return presentText(outcome, agentZone, Optional.empty());
  }

  /** Returns the outcome as plain text for a terminal, with the count of other customers. */
  public String presentText(LookupOutcome outcome, ZoneId agentZone, Optional<BlastReport> blast) {
    if (outcome instanceof LookupOutcome.Found found) {
      return text.card(
          content(found, found, agentZone, Audience.terminal(), Optional.empty(), blast));
    }
    return present(outcome, agentZone).text();
  }

  /** Returns the answer to "Show trace". */
  public SlackMessage presentTrace(
      TraceLookup.TraceResult result, ZoneId agentZone, String backendName) {
    if (result instanceof TraceLookup.TraceResult.Shown shown) {
      TraceCard card = shown.card();
      return cards.trace(card.shown(), agentZone, backendName);
    }
    if (result instanceof TraceLookup.TraceResult.Missing) {
      return Messages.failure(
          backendName + " no longer has that trace: it may have expired. Run the lookup again.");
    }
    return Messages.failure(((TraceLookup.TraceResult.Failed) result).failure().userMessage());
  }

  /**
   * Returns the preview under a pasted trace link, which the whole channel reads: every customer ID
   * the trace carries masked, as in a shared card; empty when the backend failed, which is nothing
   * to post into a channel.
   */
  public Optional<SlackMessage> presentPreview(
      TraceLookup.SharedTrace shared, String traceId, String backendName) {
    TraceLookup.TraceResult result = shared.result();
    if (result instanceof TraceLookup.TraceResult.Shown shown) {
      ChannelCopies.Copy copy = channelCopies.ofTrace(traceId, shared.customerIds());
      return Optional.of(
          copy.guarded(TracePreview.of(copy.card(shown.card()).shown(), backendName)));
    }
    if (result instanceof TraceLookup.TraceResult.Missing) {
      return Optional.of(TracePreview.missing(traceId, backendName));
    }
    return Optional.empty();
  }

  private SlackMessage noTraces(
      LookupOutcome.NoTraces outcome, ZoneId agentZone, Optional<ChannelCopies.Copy> copy) {
    LookupRequest request = outcome.request();
    return Messages.noTraces(
        userLabel(request, copy),
        request.window().from(),
        request.window().to(),
        agentZone,
        backendName,
        filters(request, copy),
        outcome.warnings());
  }

  private CardContent content(
      LookupOutcome.Found found,
      LookupOutcome.Found original,
      ZoneId agentZone,
      Audience audience,
      Optional<ChannelCopies.Copy> copy,
      Optional<BlastReport> blast) {
    LookupRequest request = found.request();
    Optional<TraceCard> failing = firstFailing(found);
    Optional<IncidentReport> report =
        firstFailing(original)
            .flatMap(card -> incidents.map(catalog -> catalog.match(card.analysis())));
    List<String> warnings = new ArrayList<>(found.warnings());
    report.ifPresent(
        r ->
            r.unavailableSources()
                .forEach(
                    source ->
                        warnings.add(
                            "Incident source "
                                + source
                                + " is unavailable: known incidents may be missing.")));
    List<IncidentMatch> matches = report.map(IncidentReport::matches).orElse(List.of());
    Optional<BlastRadius> radius =
        blast
            .filter(BlastReport.Counted.class::isInstance)
            .map(counted -> ((BlastReport.Counted) counted).radius());
    boolean widespread = radius.map(r -> r.widespread(widespreadCustomers)).orElse(false);
    List<IncidentNote> notes = new ArrayList<>();
    if (blast.isPresent()) {
      notes.add(blastNote(blast.get(), widespread && matches.isEmpty()));
    }
    for (IncidentMatch match : matches) {
      // Many customers failing the same way ties the failure to an incident of its service; an
      // incident elsewhere at the same time gains nothing from it.
      boolean supported = widespread && match.confidence() != Confidence.TIME_ONLY;
      IncidentMatch shown =
          supported ? new IncidentMatch(match.incident(), Confidence.SIGNATURE) : match;
      String why =
          supported
              ? " · "
                  + (shown.confidence() != match.confidence() ? "held more likely: " : "")
                  + radius.get().customers()
                  + " other customers hit the same failure"
              : "";
      notes.add(
          new IncidentNote(IncidentText.line(shown, agentZone) + why, match.incident().url()));
    }
    if (copy.isPresent()) {
      notes =
          notes.stream()
              .map(note -> new IncidentNote(note.icon(), copy.get().text(note.text()), note.url()))
              .collect(Collectors.toList());
    }
    return new CardContent(
        userLabel(request, copy),
        request.window().from(),
        request.window().to(),
        agentZone,
        backendName,
        shown(found.traces()),
        found.totalMatched(),
        filters(request, copy),
        copy.map(c -> c.texts(warnings)).orElse(warnings),
        found.fromCache(),
        notes,
        actions(request, audience, failing, found.page()));
  }

  /**
   * Returns the count alone, as a short message after a card that said "counting…" and cannot be
   * replaced (an ephemeral message): the promise on the card is kept where the agent reads it.
   */
  public SlackMessage countFollowUp(BlastReport blast) {
    IncidentNote note = blastNote(blast, false);
    return Messages.otherCustomers(note.icon() + " " + note.text());
  }

  /** Returns the card's line about other customers with the same failure. */
  private static IncidentNote blastNote(BlastReport blast, boolean undeclared) {
    if (blast instanceof BlastReport.Counted counted) {
      return IncidentNote.blast(
          counted.radius().line() + (undeclared ? " · no incident declared for this yet" : ""));
    }
    if (blast instanceof BlastReport.NotCounted not) {
      return IncidentNote.blast(
          "Could not count other customers with the same failure: " + not.reason());
    }
    return IncidentNote.blast("Counting other customers with the same failure…");
  }

  private static List<ShownTrace> shown(List<TraceCard> traces) {
    return traces.stream().map(TraceCard::shown).collect(Collectors.toList());
  }

  private static Optional<TraceCard> firstFailing(LookupOutcome.Found found) {
    return found.traces().stream()
        .filter(card -> card.analysis().errorPath().isPresent())
        .findFirst();
  }

  private Optional<CardActions> actions(
      LookupRequest request,
      Audience audience,
      Optional<TraceCard> failing,
      LookupOutcome.Page page) {
    // Trace buttons name the customer by fingerprint, signed: channel-safe, and audited on any
    // replica.
    String customer = channelCopies.fingerprint(request.userId());
    if (audience.sharedBy().isPresent()) {
      CardActions shared = CardActions.sharedCopy(audience.sharedBy().get());
      return Optional.of(
          tokens
              .map(codec -> shared.withTraceValues(id -> codec.traceValue(id, customer)))
              .orElse(shared));
    }
    if (!audience.buttons()) {
      return Optional.empty();
    }
    return tokens.map(
        codec -> {
          CardActions actions =
              CardActions.privateAnswer(codec.encode(request), audience.inThread())
                  .withTraceValues(id -> codec.traceValue(id, customer))
                  .withPages(pages(codec, request, page));
          CardActions withReply =
              failing
                  .map(card -> actions.withReply(card.analysis().summary().traceId()))
                  .orElse(actions);
          return audience
              .ticket()
              .filter(notable)
              .map(link -> withReply.withNote(codec.noteValue(link.url(), request)))
              .orElse(withReply);
        });
  }

  /**
   * Returns the Previous and Next buttons of a private card: each value carries the lookup (with
   * the moment the customer named) and its page, signed, so any replica serves it.
   */
  private static CardActions.Pages pages(
      RequestTokens codec, LookupRequest request, LookupOutcome.Page page) {
    int number = page.number();
    return new CardActions.Pages(
        number,
        number > 1 ? Optional.of(codec.pageValue(request, number - 1)) : Optional.empty(),
        page.more() ? Optional.of(codec.pageValue(request, number + 1)) : Optional.empty());
  }

  /** Returns how the customer is named: never by their raw ID where a channel reads along. */
  private static String userLabel(LookupRequest request, Optional<ChannelCopies.Copy> copy) {
    return copy.map(ChannelCopies.Copy::label).orElse(request.userId());
  }

  /** Returns the filters as the card states them; an action filter may quote the ID. */
  private static String filters(LookupRequest request, Optional<ChannelCopies.Copy> copy) {
    return copy.map(c -> c.text(request.filtersDescription())).orElse(request.filtersDescription());
  }
}
