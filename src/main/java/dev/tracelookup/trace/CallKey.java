package dev.tracelookup.trace;

import java.util.Optional;

/**
 * Names a call so that retries of it can be recognised among its siblings: the same kind, service,
 * span name, peer and target.
 *
 * <p>HTTP client spans are often named only by their method ({@code GET}), so the target (route,
 * URL path, RPC method or database operation) is part of the key; otherwise a failed {@code GET} of
 * one URL would look "retried" by a successful {@code GET} of another.
 */
final class CallKey {
  static final String[] TARGET_KEYS = {
    "url.template", "http.route", "url.path", "rpc.method", "db.operation.name", "db.operation"
  };
  static final String[] URL_KEYS = {"url.full", "http.url", "http.target", "http.path"};

  private CallKey() {}

  /** Returns the key; spans with equal keys are attempts of one call. */
  static String of(Span span) {
    return span.kind()
        + "\u0000"
        + span.service()
        + "\u0000"
        + span.name()
        + "\u0000"
        + RemotePeer.of(span).orElse("")
        + "\u0000"
        + target(span);
  }

  private static String target(Span span) {
    Optional<String> target = span.attributes().first(TARGET_KEYS);
    if (target.isPresent()) {
      return target.get();
    }
    return span.attributes().first(URL_KEYS).map(CallKey::withoutQuery).orElse("");
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
