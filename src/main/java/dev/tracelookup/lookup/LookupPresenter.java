package dev.tracelookup.lookup;

import dev.tracelookup.render.CardContent;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.render.TextRenderer;
import java.time.ZoneId;

/** Turns lookup outcomes into the message the agent reads, as Block Kit or as terminal text. */
public final class LookupPresenter {
  private final CardRenderer cards;
  private final TextRenderer text = new TextRenderer();
  private final String backendName;

  public LookupPresenter(CardRenderer cards, String backendName) {
    this.cards = cards;
    this.backendName = backendName;
  }

  /** Returns the Slack message for the outcome, read by an agent in {@code agentZone}. */
  public SlackMessage present(LookupOutcome outcome, ZoneId agentZone) {
    if (outcome instanceof LookupOutcome.Found) {
      return cards.card(content((LookupOutcome.Found) outcome, agentZone));
    }
    if (outcome instanceof LookupOutcome.NoTraces) {
      return noTraces((LookupOutcome.NoTraces) outcome, agentZone);
    }
    return Messages.failure(((LookupOutcome.Failed) outcome).failure().userMessage());
  }

  /** Returns the outcome as plain text for a terminal. */
  public String presentText(LookupOutcome outcome, ZoneId agentZone) {
    if (outcome instanceof LookupOutcome.Found) {
      return text.card(content((LookupOutcome.Found) outcome, agentZone));
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

  private SlackMessage noTraces(LookupOutcome.NoTraces outcome, ZoneId agentZone) {
    LookupRequest request = outcome.request();
    return Messages.noTraces(request.userId(), request.window().from(), request.window().to(), agentZone,
        backendName, request.filtersDescription(), outcome.warnings());
  }

  private CardContent content(LookupOutcome.Found found, ZoneId agentZone) {
    LookupRequest request = found.request();
    return new CardContent(request.userId(), request.window().from(), request.window().to(), agentZone,
        backendName, found.traces(), found.totalMatched(), request.filtersDescription(), found.warnings(),
        found.fromCache());
  }
}
