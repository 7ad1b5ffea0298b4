package dev.tracelookup.server;

import dev.tracelookup.config.Secret;
import dev.tracelookup.lookup.Admission;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.BlastReport;
import dev.tracelookup.lookup.LookupAuditEntries;
import dev.tracelookup.lookup.LookupDocument;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AuditEntry;
import dev.tracelookup.privacy.AuditLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /api/lookup?user_id=…&start=…&end=…}, or {@code POST /api/lookup} with the same
 * parameters as a JSON object: the lookup for other internal tools, as JSON.
 *
 * <p>POST keeps the customer's ID out of the URL, which access logs, proxies and HTTP telemetry
 * (the OpenTelemetry agent's {@code url.query}) record; GET stays for the tools that use it.
 *
 * <p>Refused without {@code Authorization: Bearer <LOOKUP_API_TOKEN>}, and disabled entirely when
 * no token is configured: customer data must never be one unauthenticated URL away.
 */
final class LookupApiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient TraceLookup lookup;
  private final transient BearerToken token;
  private final transient Pattern userIdPattern;
  private final Duration defaultLength;
  private final Duration maxWindow;
  private final transient AuditLog audit;
  private final int maxBodyBytes;
  private final transient Optional<BlastRadii> blastRadii;

  /**
   * @param blastRadii counts the other customers with the featured failure; the API waits for the
   *     count (within its own budget), since a document cannot be updated later as a card is
   */
  LookupApiServlet(
      TraceLookup lookup,
      Optional<Secret> token,
      Pattern userIdPattern,
      Duration defaultLength,
      Duration maxWindow,
      int maxBodyBytes,
      AuditLog audit,
      Optional<BlastRadii> blastRadii) {
    this.lookup = lookup;
    this.blastRadii = blastRadii;
    this.token = new BearerToken(token, "LOOKUP_API_TOKEN", "the lookup API");
    this.userIdPattern = userIdPattern;
    this.defaultLength = defaultLength;
    this.maxWindow = maxWindow;
    this.audit = audit;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!token.admit(request, response)) {
      return;
    }
    answer(
        LookupApiQuery.read(request::getParameter, userIdPattern, defaultLength, maxWindow),
        response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!token.admit(request, response)) {
      return;
    }
    if (request.getQueryString() != null) {
      // Refused, not ignored: a client that keeps the ID in the URL would still leak it.
      JsonReplies.error(
          response, 400, "POST takes its parameters in the JSON body only; drop the query string");
      return;
    }
    LookupApiBody.Result body = LookupApiBody.read(request, maxBodyBytes);
    if (body instanceof LookupApiBody.Refused refused) {
      JsonReplies.error(response, refused.status(), refused.message());
      return;
    }
    Map<String, String> parameters = ((LookupApiBody.Parameters) body).values();
    answer(LookupApiQuery.read(parameters::get, userIdPattern, defaultLength, maxWindow), response);
  }

  private void answer(LookupApiQuery query, HttpServletResponse response) throws IOException {
    if (query.problem().isPresent()) {
      JsonReplies.error(response, 400, query.problem().get());
      return;
    }
    Admission.Decision decision = lookup.admission().admit();
    if (decision instanceof Admission.TurnedAway away) {
      // As in Slack: refused only when the answer would come too late, saying when to come back.
      response.setHeader("Retry-After", "60");
      JsonReplies.error(
          response,
          503,
          "the trace backend is busy: a lookup now would likely take "
              + away.likely().toMillis()
              + " ms, more than the "
              + away.allowed().toMillis()
              + " ms it may; try again in a minute");
      return;
    }
    LookupOutcome outcome;
    try (Admission.Ticket ticket = ((Admission.Admitted) decision).ticket()) {
      outcome = lookup.lookup(query.request().orElseThrow(), false);
    }
    if (audit.record(auditEntry(outcome)).withholds()) {
      // Fail closed, as in Slack: no customer data leaves that the audit log does not record.
      JsonReplies.error(
          response, 503, "the audit log cannot be written, so lookups are refused until it can");
      return;
    }
    JsonReplies.write(
        response,
        outcome instanceof LookupOutcome.Failed ? 502 : 200,
        LookupDocument.of(outcome, lookup.backendName(), blast(outcome)));
  }

  /**
   * Counts the other customers with the featured failure, audited like the card's count; a count
   * the audit log could not record is left out, the lookup itself being on record.
   */
  private Optional<BlastReport> blast(LookupOutcome outcome) {
    if (blastRadii.isEmpty()) {
      return Optional.empty();
    }
    Optional<BlastReport> report = blastRadii.get().countNow(outcome);
    if (report.isEmpty()) {
      return report;
    }
    AuditEntry entry =
        LookupAuditEntries.blast(
            "api",
            "",
            "",
            lookup.fingerprints().of(outcome.request().userId()),
            blastRadii.get().window(outcome.request()),
            report.get(),
            lookup.backendName());
    return audit.record(entry).withholds() ? Optional.empty() : report;
  }

  /** The API has no Slack user: the caller is whoever holds the token, recorded as {@code api}. */
  private AuditEntry auditEntry(LookupOutcome outcome) {
    return LookupAuditEntries.of(
        "lookup",
        "api",
        "",
        "",
        lookup.fingerprints().of(outcome.request().userId()),
        outcome,
        lookup.backendName(),
        false);
  }
}
