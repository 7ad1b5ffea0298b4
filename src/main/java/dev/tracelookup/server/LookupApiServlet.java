package dev.tracelookup.server;

import dev.tracelookup.config.Secret;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AuditEntry;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.render.JsonRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /api/lookup?user_id=…&start=…&end=…}: the lookup for other internal tools, as JSON.
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

  LookupApiServlet(TraceLookup lookup, Optional<Secret> token, Pattern userIdPattern, Duration defaultLength,
      Duration maxWindow, AuditLog audit) {
    this.lookup = lookup;
    this.token = new BearerToken(token, "LOOKUP_API_TOKEN", "the lookup API");
    this.userIdPattern = userIdPattern;
    this.defaultLength = defaultLength;
    this.maxWindow = maxWindow;
    this.audit = audit;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!token.admit(request, response)) {
      return;
    }
    ApiQuery query = ApiQuery.read(request, userIdPattern, defaultLength, maxWindow);
    if (query.problem().isPresent()) {
      JsonReplies.error(response, 400, query.problem().get());
      return;
    }
    LookupOutcome outcome = lookup.lookup(query.request().orElseThrow(), false);
    audit.record(auditEntry(outcome));
    JsonReplies.write(response, outcome instanceof LookupOutcome.Failed ? 502 : 200, body(outcome));
  }

  /** The API has no Slack user: the caller is whoever holds the token, recorded as {@code api}. */
  private AuditEntry auditEntry(LookupOutcome outcome) {
    LookupRequest request = outcome.request();
    boolean found = outcome instanceof LookupOutcome.Found;
    String result = found ? "found" : outcome instanceof LookupOutcome.Failed ? "failed" : "no_traces";
    return new AuditEntry("lookup", "api", "", "", Optional.of(lookup.fingerprints().of(request.userId())),
        Optional.of(request.window().from()), Optional.of(request.window().to()), lookup.backendName(),
        found ? ((LookupOutcome.Found) outcome).traces().size() : 0, found && ((LookupOutcome.Found) outcome).fromCache(),
        false, result);
  }

  private Map<String, Object> body(LookupOutcome outcome) {
    Map<String, Object> json = new LinkedHashMap<>();
    LookupRequest request = outcome.request();
    json.put("user_id", request.userId());
    json.put("start", request.window().from().toString());
    json.put("end", request.window().to().toString());
    json.put("backend", lookup.backendName());
    if (outcome instanceof LookupOutcome.Failed) {
      json.put("error", ((LookupOutcome.Failed) outcome).failure().userMessage());
      return json;
    }
    if (outcome instanceof LookupOutcome.Found) {
      LookupOutcome.Found found = (LookupOutcome.Found) outcome;
      json.put("from_cache", found.fromCache());
      json.put("total_matched", found.totalMatched());
      json.put("warnings", found.warnings());
      json.put("traces", found.traces().stream().map(JsonRenderer::trace).collect(Collectors.toList()));
    } else {
      json.put("warnings", ((LookupOutcome.NoTraces) outcome).warnings());
      json.put("traces", java.util.List.of());
    }
    return json;
  }

  /** The query parameters, read and checked; exactly one of request and problem is present. */
  record ApiQuery(Optional<LookupRequest> request, Optional<String> problem) {
    static ApiQuery read(HttpServletRequest http, Pattern userIdPattern, Duration defaultLength, Duration maxWindow) {
      String userId = http.getParameter("user_id");
      if (userId == null || !userIdPattern.matcher(userId).matches()) {
        return invalid("user_id is required and must match " + userIdPattern.pattern());
      }
      Optional<Instant> start = instant(http.getParameter("start"));
      if (start.isEmpty()) {
        return invalid("start is required, as an ISO-8601 instant such as 2026-02-06T14:00:00Z");
      }
      String endText = http.getParameter("end");
      Optional<Instant> end = endText == null ? Optional.of(start.get().plus(defaultLength)) : instant(endText);
      if (end.isEmpty() || end.get().isBefore(start.get())) {
        return invalid("end must be an ISO-8601 instant after start, such as 2026-02-06T14:30:00Z");
      }
      if (Duration.between(start.get(), end.get()).compareTo(maxWindow) > 0) {
        return invalid("the window is longer than " + maxWindow.toHours() + " h; narrow it");
      }
      TimeWindow window = new TimeWindow(start.get(), end.get(), ZoneOffset.UTC, "API query");
      LookupRequest request = new LookupRequest(userId, window, optional(http, "service"), optional(http, "action"),
          "true".equalsIgnoreCase(http.getParameter("errors_only")));
      return new ApiQuery(Optional.of(request), Optional.empty());
    }

    private static ApiQuery invalid(String problem) {
      return new ApiQuery(Optional.empty(), Optional.of(problem));
    }

    private static Optional<String> optional(HttpServletRequest http, String name) {
      String value = http.getParameter(name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<Instant> instant(String text) {
      if (text == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
      } catch (DateTimeParseException notAnInstant) {
        return Optional.empty();
      }
    }
  }
}
