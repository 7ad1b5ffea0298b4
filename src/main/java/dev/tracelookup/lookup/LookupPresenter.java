package dev.tracelookup.lookup;

import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.render.CardActions;
import dev.tracelookup.render.CardContent;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.render.TextRenderer;
import java.time.ZoneId;
import java.util.Optional;

/** Turns lookup outcomes into the message the agent reads, as Block Kit or as terminal text. */
public final class LookupPresenter {
  private final CardRenderer cards;
  private final TextRenderer text = new TextRenderer();
  private final String backendName;
  private final Optional<RequestTokens> tokens;

  /** Returns a presenter for answers without buttons (the command line, tests). */
  public LookupPresenter(CardRenderer cards, String backendName) {
    this(cards, backendName, Optional.empty());
  }

  /** Returns a presenter whose private answers carry Share and Refresh buttons with encoded lookups. */
  public LookupPresenter(CardRenderer cards, String backendName, RequestTokens tokens) {
    this(cards, backendName, Optional.of(tokens));
  }

  private LookupPresenter(CardRenderer cards, String backendName, Optional<RequestTokens> tokens) {
    this.cards = cards;
    this.backendName = backendName;
    this.tokens = tokens;
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
    return new CardContent(userLabel(request, audience), request.window().from(), request.window().to(), agentZone,
        backendName, found.traces(), found.totalMatched(), request.filtersDescription(), found.warnings(),
        found.fromCache(), actions(request, audience));
  }

  private Optional<CardActions> actions(LookupRequest request, Audience audience) {
    if (audience.sharedBy().isPresent()) {
      return Optional.of(CardActions.sharedCopy(audience.sharedBy().get()));
    }
    if (!audience.buttons()) {
      return Optional.empty();
    }
    return tokens.map(codec -> CardActions.privateAnswer(codec.encode(request), audience.inThread()));
  }

  /** Returns how the customer is named: never by their raw ID where a channel reads along. */
  private static String userLabel(LookupRequest request, Audience audience) {
    return audience.shared() ? "customer " + UserIdFingerprint.of(request.userId()) : request.userId();
  }
}
