package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a query into the searches Jaeger can answer: one per user key and entry service.
 *
 * <p>The query's service and span name are not sent. Jaeger's storages match the service, the
 * operation and the attributes on one and the same span (Elasticsearch, memory), while the query
 * means "a trace with a span of this service" and the user ID usually sits on the entry span only:
 * sending them would lose traces. They are checked on the traces returned instead, so each search
 * asks for more traces when such filters are set.
 */
final class SearchPlan {
  /** How many more traces to ask for when filters apply only after the answer. */
  static final int NARROWED_DEPTH_FACTOR = 4;

  private SearchPlan() {}

  /** Returns the searches for the query, in the order they should run. */
  static List<SearchSpec> specs(TraceQuery query, List<String> userKeys, List<String> services) {
    List<Optional<String>> scopes = new ArrayList<>();
    services.forEach(service -> scopes.add(Optional.of(service)));
    if (scopes.isEmpty()) {
      scopes.add(Optional.empty());
    }
    int depth = depth(query);
    List<SearchSpec> specs = new ArrayList<>();
    for (String key : userKeys) {
      for (Optional<String> service : scopes) {
        specs.add(new SearchSpec(key, query.userId(), service, query.from(), query.to(), depth));
      }
    }
    return specs;
  }

  /** Returns how many traces each search asks for. */
  static int depth(TraceQuery query) {
    boolean narrowedLater =
        query.errorsOnly() || query.spanName().isPresent() || query.service().isPresent();
    long depth = narrowedLater ? (long) query.limit() * NARROWED_DEPTH_FACTOR : query.limit();
    return (int) Math.min(depth, Integer.MAX_VALUE);
  }
}
