package dev.tracelookup.slack;

import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AuditEntry;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.privacy.UserIdFingerprint;
import java.util.Optional;

/**
 * Turns what the handlers know into audit entries: the customer only ever by fingerprint. Each
 * returns whether the entry was written; when it was not and the log fails closed, the caller
 * answers with {@link #WITHHELD} instead of the customer data.
 */
final class Audits {
  /** What the agent reads instead of an answer the audit log could not record. */
  static final String WITHHELD = "The audit log cannot be written right now, so trace-lookup shows no customer"
      + " data until it can: every lookup must be on record. Try again in a few minutes; if it keeps happening,"
      + " tell the team that runs the bot.";

  private final AuditLog log;
  private final String backend;
  private final UserIdFingerprint fingerprints;

  Audits(AuditLog log, String backend, UserIdFingerprint fingerprints) {
    this.log = log;
    this.backend = backend;
    this.fingerprints = fingerprints;
  }

  /** Records a lookup (or refresh, share) and what it found. */
  AuditLog.Recorded lookup(String event, Asker asker, LookupOutcome outcome, boolean shared) {
    LookupRequest request = outcome.request();
    int count = 0;
    boolean cacheHit = false;
    String result = "no_traces";
    if (outcome instanceof LookupOutcome.Found) {
      LookupOutcome.Found found = (LookupOutcome.Found) outcome;
      count = found.traces().size();
      cacheHit = found.fromCache();
      result = "found";
    } else if (outcome instanceof LookupOutcome.Failed) {
      result = "failed";
    }
    return log.record(new AuditEntry(event, asker.user(), asker.team(), asker.channel(),
        Optional.of(fingerprints.of(request.userId())), Optional.of(request.window().from()),
        Optional.of(request.window().to()), backend, count, cacheHit, shared, result));
  }

  /**
   * Records "Show trace": the trace, and the customer whose card it was on, as the button carried
   * them (cards from before buttons carried the customer leave it unknown).
   */
  AuditLog.Recorded trace(Asker asker, RequestTokens.TraceButton button, TraceLookup.TraceResult result) {
    String outcome = result instanceof TraceLookup.TraceResult.Shown ? "found"
        : result instanceof TraceLookup.TraceResult.Missing ? "no_traces" : "failed";
    return about("show_trace", asker, button, result instanceof TraceLookup.TraceResult.Shown ? 1 : 0, outcome);
  }

  /** Records an event about one trace of a customer's card: {@code show_trace}, {@code reply_draft}. */
  AuditLog.Recorded about(String event, Asker asker, RequestTokens.TraceButton button, int resultCount,
      String outcome) {
    return log.record(new AuditEntry(event, asker.user(), asker.team(), asker.channel(), button.customer(),
        Optional.empty(), Optional.empty(), backend, resultCount, false, false, outcome,
        Optional.of(button.traceId())));
  }

  /** Records an event without a lookup of its own: a busy or failed answer. */
  AuditLog.Recorded record(String event, Asker asker, int resultCount, String outcome) {
    return log.record(new AuditEntry(event, asker.user(), asker.team(), asker.channel(), Optional.empty(),
        Optional.empty(), Optional.empty(), backend, resultCount, false, false, outcome));
  }

  /** Records a refusal by the access policy. */
  void denied(Asker asker) {
    log.record(AuditEntry.denied(asker.user(), asker.team(), asker.channel()));
  }

  /** Records a refusal for another reason: {@code external}, {@code shared_channel}. */
  void denied(Asker asker, String outcome) {
    log.record(new AuditEntry("denied", asker.user(), asker.team(), asker.channel(), Optional.empty(),
        Optional.empty(), Optional.empty(), "", 0, false, false, outcome));
  }
}
