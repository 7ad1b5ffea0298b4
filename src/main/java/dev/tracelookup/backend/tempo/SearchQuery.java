package dev.tracelookup.backend.tempo;

import dev.tracelookup.backend.TraceQuery;
import java.util.List;
import java.util.StringJoiner;

/**
 * Turns a {@link TraceQuery} into TraceQL. The user ID is matched on any of its attributes,
 * unscoped so that it is found on spans and on resources alike; each filter is another spanset that
 * must match somewhere in the same trace, not necessarily on the span carrying the ID:
 *
 * <pre>{@code
 * { .user.id = "usr_1" || .enduser.id = "usr_1" } && { resource.service.name = "checkout" }
 *     && { name = "POST /api/v1/orders" } && { status = error }
 * }</pre>
 */
final class SearchQuery {
  private SearchQuery() {}

  /**
   * Returns the TraceQL for the query.
   *
   * @param userAttributes attribute names already checked by {@link TraceQl#isAttributeName}
   * @throws IllegalArgumentException when a value is not valid Unicode text
   */
  static String traceQl(TraceQuery query, List<String> userAttributes) {
    String userId = TraceQl.string(query.userId());
    StringJoiner anyUserAttribute = new StringJoiner(" || ", "{ ", " }");
    for (String attribute : userAttributes) {
      anyUserAttribute.add(TraceQl.unscopedAttribute(attribute) + " = " + userId);
    }
    StringBuilder traceQl = new StringBuilder(anyUserAttribute.toString());
    query.service().ifPresent(service -> traceQl.append(spanset("resource.service.name", service)));
    query.spanName().ifPresent(name -> traceQl.append(spanset("name", name)));
    if (query.errorsOnly()) {
      traceQl.append(" && { status = error }");
    }
    return traceQl.toString();
  }

  /** Returns {@code && { field = "value" }}: one more spanset the trace must hold. */
  private static String spanset(String field, String value) {
    return " && { " + field + " = " + TraceQl.string(value) + " }";
  }
}
