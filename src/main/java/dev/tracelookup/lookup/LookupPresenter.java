package dev.tracelookup.lookup;

import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.IncidentReport;
import dev.tracelookup.incidents.IncidentText;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.render.CardActions;
import dev.tracelookup.render.CardContent;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.IncidentNote;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.render.TextRenderer;
import dev.tracelookup.render.TraceCard;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;

/** Turns lookup outcomes into the message the agent reads, as Block Kit or as terminal text. */
public final class LookupPresenter {
  private final CardRenderer cards;
  private final TextRenderer text = new TextRenderer();
  private final String backendName;
  private final Optional<RequestTokens> tokens;
  private final Optional<IncidentCatalog> incidents;

  /** Returns a presenter for answers without buttons or incidents (tests). */
  public LookupPresenter(CardRenderer cards, String backendName) {
    this(cards, backendName, Optional.empty(), Optional.empty());
  }

  /**
   * Returns a presenter whose private answers carry Share, Refresh and reply buttons with encoded
   * lookups, and whose cards name the known incidents matching the failure.
   */
  public LookupPresenter(CardRenderer cards, String backendName, RequestTokens tokens, IncidentCatalog incidents) {
    this(cards, backendName, Optional.of(tokens), Optional.of(incidents));
  }

  private LookupPresenter(CardRenderer cards, String backendName, Optional<RequestTokens> tokens,
      Optional<IncidentCatalog> incidents) {
    this.cards = cards;
    this.backendName = backendName;
    this.tokens = tokens;
    this.incidents = incidents;
  }

  /** Returns the Slack message for the outcome, read by an agent in {@code agentZone}, no buttons. */
  public SlackMessage present(LookupOutcome outcome, ZoneId agentZone) {
    return present(outcome, agentZone, Audience.terminal());
  }

  /** Returns the Slack message for the outcome as its audience may see it. */
  public SlackMessage present(LookupOutcome outcome, ZoneId agentZone, Audience audience) {
    if (outcome instanceof LookupOutcome.Found) {
      return cards.card(content((LookupOutcome.Found) outcome, agentZone, audience));
    }
    if (outcome instanceof LookupOutcome.NoTraces) {
      return noTraces((LookupOutcome.NoTraces) outcome, agentZone, audience);
    }
    return Messages.failure(((LookupOutcome.Failed) outcome).failure().userMessage());
  }

  /** Returns the outcome as plain text for a terminal. */
  public String presentText(LookupOutcome outcome, ZoneId agentZone) {
    if (outcome instanceof LookupOutcome.Found) {
      return text.card(content((LookupOutcome.Found) outcome, agentZone, Audience.terminal()));
    }
    return present(outcome, agentZone).text();
  }

  /** Returns the answer to "Show trace". */
  public SlackMessage presentTrace(TraceLookup.TraceResult result, ZoneId agentZone, String backendName) {
    if (result instanceof TraceLookup.TraceResult.Shown) {
      return cards.trace(((TraceLookup.TraceResult.Shown) result).card(), agentZone, backendName);
    }
    if (result instanceof TraceLookup.TraceResult.Missing) {
      return Messages.failure(backendName + " no longer has that trace: it may have expired. Run the lookup again.");
    }
    return Messages.failure(((TraceLookup.TraceResult.Failed) result).failure().userMessage());
  }

  private SlackMessage noTraces(LookupOutcome.NoTraces outcome, ZoneId agentZone, Audience audience) {
    LookupRequest request = outcome.request();
    return Messages.noTraces(userLabel(request, audience), request.window().from(), request.window().to(), agentZone,
        backendName, request.filtersDescription(), outcome.warnings());
  }

  private CardContent content(LookupOutcome.Found found, ZoneId agentZone, Audience audience) {
    LookupRequest request = found.request();
    Optional<TraceCard> failing = found.traces().stream().filter(card -> card.analysis().errorPath().isPresent()).findFirst();
    Optional<IncidentReport> report = failing.flatMap(card -> incidents.map(catalog -> catalog.match(card.analysis())));
    List<String> warnings = new ArrayList<>(found.warnings());
    report.ifPresent(r -> r.unavailableSources().forEach(source ->
        warnings.add("Incident source " + source + " is unavailable: known incidents may be missing.")));
    List<IncidentNote> notes = report.map(r -> r.matches().stream()
        .map(match -> new IncidentNote(IncidentText.line(match, agentZone), match.incident().url()))
        .collect(Collectors.toList())).orElse(List.of());
    return new CardContent(userLabel(request, audience), request.window().from(), request.window().to(), agentZone,
        backendName, found.traces(), found.totalMatched(), request.filtersDescription(), warnings,
        found.fromCache(), notes, actions(request, audience, failing));
  }

  private Optional<CardActions> actions(LookupRequest request, Audience audience, Optional<TraceCard> failing) {
    // Trace buttons name the customer by fingerprint, signed: channel-safe, and audited on any replica.
    String customer = UserIdFingerprint.of(request.userId());
    if (audience.sharedBy().isPresent()) {
      CardActions shared = CardActions.sharedCopy(audience.sharedBy().get());
      return Optional.of(tokens.map(codec -> shared.withTraceValues(id -> codec.traceValue(id, customer)))
          .orElse(shared));
    }
    if (!audience.buttons()) {
      return Optional.empty();
    }
    return tokens.map(codec -> {
      CardActions actions = CardActions.privateAnswer(codec.encode(request), audience.inThread())
          .withTraceValues(id -> codec.traceValue(id, customer));
      return failing.map(card -> actions.withReply(card.analysis().summary().traceId())).orElse(actions);
    });
  }

  /** Returns how the customer is named: never by their raw ID where a channel reads along. */
  private static String userLabel(LookupRequest request, Audience audience) {
    return audience.shared() ? "customer " + UserIdFingerprint.of(request.userId()) : request.userId();
  }
}
