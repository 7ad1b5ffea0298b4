package dev.tracelookup.slack;

import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AuditEntry;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.privacy.UserIdFingerprint;
import java.util.Optional;

/** Turns what the handlers know into audit entries: the customer only ever by fingerprint. */
final class Audits {
  private final AuditLog log;
  private final String backend;
  private final UserIdFingerprint fingerprints;

  Audits(AuditLog log, String backend, UserIdFingerprint fingerprints) {
    this.log = log;
    this.backend = backend;
    this.fingerprints = fingerprints;
  }

  /** Records a lookup (or refresh, share) and what it found. */
  void lookup(String event, Asker asker, LookupOutcome outcome, boolean shared) {
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
    log.record(new AuditEntry(event, asker.user(), asker.team(), asker.channel(),
        Optional.of(fingerprints.of(request.userId())), Optional.of(request.window().from()),
        Optional.of(request.window().to()), backend, count, cacheHit, shared, result));
  }

  /** Records "Show trace"; the trace belongs to a customer the agent already looked up. */
  void trace(Asker asker, TraceLookup.TraceResult result) {
    String outcome = result instanceof TraceLookup.TraceResult.Shown ? "found"
        : result instanceof TraceLookup.TraceResult.Missing ? "no_traces" : "failed";
    record("show_trace", asker, result instanceof TraceLookup.TraceResult.Shown ? 1 : 0, outcome);
  }

  /** Records an event without a lookup of its own: a reply draft, a busy or failed answer. */
  void record(String event, Asker asker, int resultCount, String outcome) {
    log.record(new AuditEntry(event, asker.user(), asker.team(), asker.channel(), Optional.empty(), Optional.empty(),
        Optional.empty(), backend, resultCount, false, false, outcome));
  }

  /** Records a refusal by the access policy. */
  void denied(Asker asker) {
    log.record(AuditEntry.denied(asker.user(), asker.team(), asker.channel()));
  }
}
