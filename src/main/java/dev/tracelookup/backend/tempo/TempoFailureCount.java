package dev.tracelookup.backend.tempo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FailureSignature;
import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.backend.SameFailureQuery;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.json.JsonMappers;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Counts one failure with one TraceQL search: the culprit's service, span name and error status in
 * one spanset, a span carrying a user attribute in another, and {@code select(...)} of the user
 * attributes, so that each trace's customers come back in its spansets without fetching it:
 *
 * <pre>{@code
 * { resource.service.name = "order-svc" && name = "POST payment-svc/charge" && status = error }
 *     && { .user.id != nil || .enduser.id != nil } | select(.user.id, .enduser.id)
 * }</pre>
 *
 * <p>The query holds no customer. Tempo cannot match a culprit's HTTP status or exception type
 * across the attribute names instrumentations use, so here the signature is service, span name and
 * error status.
 */
final class TempoFailureCount {
  private static final String PATH = "/api/search";

  /** Spans per spanset: the culprit and the spans carrying the customer, with room to spare. */
  static final int SPANS_PER_SET = 20;

  private final BackendHttp http;
  private final List<String> userAttributes;
  private final TempoOptions options;
  private final String name;

  TempoFailureCount(BackendHttp http, List<String> userAttributes, TempoOptions options) {
    this.http = http;
    this.userAttributes = List.copyOf(userAttributes);
    this.options = options;
    this.name = http.endpoint().backendName();
  }

  SameFailureCount count(SameFailureQuery query) {
    SearchWindow window = SearchWindow.covering(query.from(), query.to());
    if (window.length().compareTo(options.maxWindow()) > 0) {
      return refused(name + " searches at most " + options.maxWindow() + " at once.");
    }
    String traceQl;
    try {
      traceQl = traceQl(query.signature(), userAttributes);
    } catch (IllegalArgumentException brokenText) {
      return refused("The failing span's name holds a character " + name + " cannot search for.");
    }
    if (!TraceQl.fitsTempo(traceQl)) {
      return refused("The failing span's name is too long for a " + name + " search.");
    }
    HttpResult<List<Selected>> answer =
        http.get(path(traceQl, window, query.limit()), "application/json", this::read);
    if (answer instanceof HttpResult.Failed<List<Selected>> failed) {
      return new SameFailureCount.Failed(BackendFailure.from(failed.failure()));
    }
    if (answer instanceof HttpResult.NotFound) {
      return new SameFailureCount.Failed(
          BackendFailure.of(BackendFailure.Kind.REJECTED, name, "GET " + PATH + " answered 404"));
    }
    List<Selected> traces = ((HttpResult.Ok<List<Selected>>) answer).value();
    FailureTally.Builder tally = FailureTally.builder(userAttributes, query.limit());
    for (Selected trace : traces) {
      tally.add(trace.traceId(), trace.start(), trace.users());
    }
    if (traces.size() >= query.limit()) {
      tally.limitReached();
    }
    return new SameFailureCount.Counted(tally.build());
  }

  /** Returns the TraceQL of the count; it names the failure, never a customer. */
  static String traceQl(FailureSignature signature, List<String> userAttributes) {
    StringJoiner anyUser = new StringJoiner(" || ", "{ ", " }");
    StringJoiner selected = new StringJoiner(", ", "select(", ")");
    for (String attribute : userAttributes) {
      anyUser.add(TraceQl.unscopedAttribute(attribute) + " != nil");
      selected.add(TraceQl.unscopedAttribute(attribute));
    }
    return "{ resource.service.name = "
        + TraceQl.string(signature.service())
        + " && name = "
        + TraceQl.string(signature.spanName())
        + " && status = error } && "
        + anyUser
        + " | "
        + selected;
  }

  private String path(String traceQl, SearchWindow window, int limit) {
    return PATH
        + "?q="
        + URLEncoder.encode(traceQl, StandardCharsets.UTF_8)
        + "&start="
        + window.startSeconds()
        + "&end="
        + window.endSeconds()
        + "&limit="
        + limit
        + "&spss="
        + SPANS_PER_SET;
  }

  /**
   * Reads each trace's ID, start and the selected user attributes of its spansets ({@code
   * spanSets[].spans[].attributes}, KeyValue/AnyValue). The answer is bounded by {@code limit} and
   * {@code spss}, so it is read whole.
   */
  private List<Selected> read(InputStream body) throws IOException {
    JsonNode root = JsonMappers.PLAIN.readTree(body);
    if (root == null || !root.isObject()) {
      throw new IOException("the search answer is not a JSON object");
    }
    List<Selected> traces = new ArrayList<>();
    for (JsonNode trace : root.path("traces")) {
      Optional<String> id = TraceIds.traceId(trace.path("traceID").asText(""));
      if (id.isEmpty()) {
        continue;
      }
      long startNanos = trace.path("startTimeUnixNano").asLong(0);
      Set<String> users = new LinkedHashSet<>();
      for (JsonNode set : trace.path("spanSets")) {
        collectUsers(set, users);
      }
      collectUsers(trace.path("spanSet"), users);
      traces.add(new Selected(id.get(), Instant.ofEpochSecond(0, startNanos), users));
    }
    return traces;
  }

  private void collectUsers(JsonNode set, Set<String> users) {
    for (JsonNode span : set.path("spans")) {
      for (JsonNode attribute : span.path("attributes")) {
        String key = attribute.path("key").asText("");
        if (isUserKey(key)) {
          JsonNode value = attribute.path("value");
          String text =
              value.has("stringValue")
                  ? value.path("stringValue").asText("")
                  : value.path("intValue").asText("");
          if (!text.isEmpty()) {
            users.add(text);
          }
        }
      }
    }
  }

  private boolean isUserKey(String key) {
    for (String attribute : userAttributes) {
      if (key.equals(attribute)
          || key.equals("span." + attribute)
          || key.equals("resource." + attribute)) {
        return true;
      }
    }
    return false;
  }

  private SameFailureCount refused(String sentence) {
    return new SameFailureCount.Failed(
        BackendFailure.of(BackendFailure.Kind.UNSUPPORTED_QUERY, name, sentence));
  }

  /** One trace of the answer: only its ID (to count it once), start and customers. */
  private record Selected(String traceId, Instant start, Set<String> users) {}
}
