package dev.tracelookup.slack;

import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.BlastReport;
import dev.tracelookup.lookup.LookupAuditEntries;
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
 * returns the entry and whether it was written; when it was not and the log fails closed, the
 * caller answers with {@link #WITHHELD} instead of the customer data. The entry is written before
 * the answer is sent, so that nothing unrecorded is shown; how the answer then went is recorded
 * after it, by {@link #delivered}, when it did not go the way it was sent.
 */
final class Audits {
  /** What the agent reads instead of an answer the audit log could not record. */
  static final String WITHHELD =
      "The audit log cannot be written right now, so trace-lookup shows no customer data until it"
          + " can: every lookup must be on record. Try again in a few minutes; if it keeps"
          + " happening, tell the team that runs the bot.";

  private final AuditLog log;
  private final String backend;
  private final UserIdFingerprint fingerprints;

  Audits(AuditLog log, String backend, UserIdFingerprint fingerprints) {
    this.log = log;
    this.backend = backend;
    this.fingerprints = fingerprints;
  }

  /** An entry as it was handed to the log, and whether the log took it. */
  record Audited(AuditEntry entry, AuditLog.Recorded recorded) {
    /** Returns whether the answer this entry records must be withheld. */
    boolean withholds() {
      return recorded.withholds();
    }
  }

  /** Records a lookup (or refresh, share) and what it found. */
  Audited lookup(String event, Asker asker, LookupOutcome outcome, boolean shared) {
    return write(
        LookupAuditEntries.of(
            event,
            asker.user(),
            asker.team(),
            asker.channel(),
            fingerprints.of(outcome.request().userId()),
            outcome,
            backend,
            shared));
  }

  /** Records a blast-radius count made for the card of a lookup. */
  Audited blast(
      Asker asker, LookupOutcome outcome, BlastRadii.TimeWindowBounds window, BlastReport report) {
    return write(
        LookupAuditEntries.blast(
            asker.user(),
            asker.team(),
            asker.channel(),
            fingerprints.of(outcome.request().userId()),
            window,
            report,
            backend));
  }

  /**
   * Records "Show trace": the trace, and the customer whose card it was on, as the button carried
   * them (cards from before buttons carried the customer leave it unknown).
   */
  Audited trace(Asker asker, RequestTokens.TraceButton button, TraceLookup.TraceResult result) {
    String outcome =
        result instanceof TraceLookup.TraceResult.Shown
            ? "found"
            : result instanceof TraceLookup.TraceResult.Missing ? "no_traces" : "failed";
    return about(
        "show_trace",
        asker,
        button,
        result instanceof TraceLookup.TraceResult.Shown ? 1 : 0,
        outcome);
  }

  /**
   * Records an event about one trace of a customer's card: {@code show_trace}, {@code reply_draft}.
   */
  Audited about(
      String event,
      Asker asker,
      RequestTokens.TraceButton button,
      int resultCount,
      String outcome) {
    return write(
        new AuditEntry(
            event,
            asker.user(),
            asker.team(),
            asker.channel(),
            button.customer(),
            Optional.empty(),
            Optional.empty(),
            backend,
            resultCount,
            false,
            false,
            outcome,
            Optional.of(button.traceId())));
  }

  /**
   * Records a link preview (unfurl): a trace shown to a whole channel, under the customer its spans
   * name, if any.
   */
  Audited unfurl(
      Asker asker, String traceId, Optional<String> customerId, TraceLookup.TraceResult result) {
    boolean shown = result instanceof TraceLookup.TraceResult.Shown;
    return write(
        new AuditEntry(
            "unfurl",
            asker.user(),
            asker.team(),
            asker.channel(),
            customerId.map(fingerprints::of),
            Optional.empty(),
            Optional.empty(),
            backend,
            shown ? 1 : 0,
            false,
            true,
            shown
                ? "found"
                : result instanceof TraceLookup.TraceResult.Missing ? "no_traces" : "failed",
            Optional.of(traceId)));
  }

  /**
   * Records "Add note to ticket" for the lookup whose finding goes into the ticket: once as {@code
   * requested} before anything is written (a log that fails closed then stops the write), and once
   * with how it went ({@code written}, {@code already_noted}, {@code failed}, {@code skipped}).
   */
  Audited note(Asker asker, LookupRequest request, int resultCount, String outcome) {
    return write(
        new AuditEntry(
            "ticket_note",
            asker.user(),
            asker.team(),
            asker.channel(),
            Optional.of(fingerprints.of(request.userId())),
            Optional.of(request.window().from()),
            Optional.of(request.window().to()),
            backend,
            resultCount,
            false,
            false,
            outcome));
  }

  /** Records an event without a lookup of its own: a busy or failed answer. */
  AuditLog.Recorded record(String event, Asker asker, int resultCount, String outcome) {
    return log.record(
        new AuditEntry(
            event,
            asker.user(),
            asker.team(),
            asker.channel(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            backend,
            resultCount,
            false,
            false,
            outcome));
  }

  /**
   * Records how an answer went when it did not go the way it was sent: around a refused response
   * URL ({@code ephemeral}, {@code direct_message}), or not at all ({@code lost}). The {@code
   * delivery} line repeats who asked, where, and about which customer, window or trace, so it reads
   * against the entry it follows. An answer that went the way it was sent adds no line: its entry
   * already says who saw it, where.
   */
  void delivered(AuditEntry answered, Delivery delivery) {
    if (delivery.asSent()) {
      return;
    }
    log.record(
        new AuditEntry(
            "delivery",
            answered.slackUser(),
            answered.team(),
            answered.channel(),
            answered.userHash(),
            answered.windowFrom(),
            answered.windowTo(),
            answered.backend(),
            answered.resultCount(),
            answered.cacheHit(),
            answered.shared(),
            delivery.way().auditName(),
            answered.traceId()));
  }

  private Audited write(AuditEntry entry) {
    return new Audited(entry, log.record(entry));
  }

  /** Records a refusal by the access policy. */
  void denied(Asker asker) {
    log.record(AuditEntry.denied(asker.user(), asker.team(), asker.channel()));
  }

  /** Records a refusal for another reason: {@code external}, {@code shared_channel}. */
  void denied(Asker asker, String outcome) {
    log.record(AuditEntry.denied(asker.user(), asker.team(), asker.channel(), outcome));
  }
}
