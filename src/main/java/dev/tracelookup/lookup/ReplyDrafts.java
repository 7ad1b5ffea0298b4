package dev.tracelookup.lookup;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.TraceFailure;
import dev.tracelookup.incidents.reply.CustomerReply;
import dev.tracelookup.incidents.reply.ReplyActions;
import dev.tracelookup.incidents.reply.ReplyContext;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Drafts the reply to the customer from a failing trace: when it failed in the customer's time,
 * what they were doing, and the incident behind it if one matches. The agent edits and sends it;
 * the bot never writes to the customer.
 */
public final class ReplyDrafts {
  private final TraceLookup lookup;
  private final IncidentCatalog incidents;
  private final CustomerReply templates;
  private final ReplyActions actions;

  public ReplyDrafts(
      TraceLookup lookup,
      IncidentCatalog incidents,
      CustomerReply templates,
      ReplyActions actions) {
    this.lookup = lookup;
    this.incidents = incidents;
    this.templates = templates;
    this.actions = actions;
  }

  /**
   * A draft, with the incident it cites; or why none could be written.
   *
   * @param problem empty when {@code text} is a draft
   */
  public record Draft(String text, Optional<Incident> incident, String problem) {
    public Draft {
      Objects.requireNonNull(text, "text");
      incident = incident == null ? Optional.empty() : incident;
      problem = problem == null ? "" : problem;
    }

    static Draft failed(String problem) {
      return new Draft("", Optional.empty(), problem);
    }

    public boolean written() {
      return problem.isEmpty();
    }
  }

  /** Returns the draft for the trace, with times in the customer's zone. */
  public Draft draft(String traceId, ZoneId customerZone) {
    TraceLookup.TraceResult result = lookup.trace(traceId);
    if (result instanceof TraceLookup.TraceResult.Failed failed) {
      return Draft.failed(failed.failure().userMessage());
    }
    if (!(result instanceof TraceLookup.TraceResult.Shown shown)) {
      return Draft.failed(
          lookup.backendName() + " no longer has that trace: run the lookup again.");
    }
    var analysis = shown.card().analysis();
    Optional<TraceFailure> failure = TraceFailure.of(analysis);
    if (failure.isEmpty()) {
      return Draft.failed(
          "Nothing failed in that trace, so there is no failure to explain to the customer.");
    }
    Optional<Incident> cause = incidents.match(analysis).likelyCause();
    ReplyContext context =
        new ReplyContext(
            failure.get().at(),
            customerZone,
            actions.actionFor(failure.get().entryName()),
            cause,
            Optional.empty());
    return new Draft(templates.render(context), cause, "");
  }
}
