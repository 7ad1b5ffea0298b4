package dev.tracelookup.privacy;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanLink;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.Trace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Decides which span attributes a card may show, and masks secrets in everything it shows.
 *
 * <p>Only allow-listed attributes survive, each value redacted. Span names, status messages and
 * event attributes are redacted too. Events keep the allow-listed attributes plus the {@code
 * exception.*} ones, whose type, message and stack frames the card reads; everything else on an
 * event goes, as on the span. Trace and span IDs, service names, times and kinds are kept as they
 * are: they are what an engineer needs to find the trace again.
 */
public final class AttributePolicy {
  /** What cards show by default: enough to say what failed and where, nothing about who. */
  public static final List<String> DEFAULT_ALLOWED_KEYS =
      List.of(
          "http.request.method",
          "http.response.status_code",
          "http.status_code",
          "http.method",
          "http.route",
          "url.path",
          "server.address",
          "server.port",
          "rpc.system.name",
          "rpc.method",
          "db.system.name",
          "db.operation.name",
          "messaging.system",
          "error.type",
          "exception.type",
          "exception.message",
          "otel.status_code");

  private static final String EXCEPTION_PREFIX = "exception.";

  private final List<String> entries;
  private final Set<String> exactKeys;
  private final List<String> prefixes;
  private final Redactor redactor;

  /**
   * Creates a policy from allow-list entries: exact keys ({@code http.route}) or prefixes written
   * with a final {@code .*} ({@code http.*}); a lone {@code *} allows every key.
   *
   * @throws IllegalArgumentException if an entry is blank or has a {@code *} anywhere else
   */
  public AttributePolicy(Collection<String> allowedKeys, Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    Set<String> exact = new HashSet<>();
    List<String> prefixed = new ArrayList<>();
    for (String entry : allowedKeys) {
      String key = Objects.requireNonNull(entry, "allowed key").trim();
      if (key.equals("*")
          || (key.endsWith(".*") && key.indexOf('*') == key.length() - 1 && key.length() > 2)) {
        prefixed.add(key.substring(0, key.length() - 1));
      } else if (key.isEmpty() || key.contains("*")) {
        throw new IllegalArgumentException(
            "allowed attribute \"" + entry + "\" must be a key, a prefix ending in .*, or *");
      } else {
        exact.add(key);
      }
    }
    this.entries = List.copyOf(allowedKeys);
    this.exactKeys = Set.copyOf(exact);
    this.prefixes = List.copyOf(prefixed);
  }

  /** Returns this policy allowing these keys as well. */
  public AttributePolicy plus(Collection<String> moreKeys) {
    List<String> keys = new ArrayList<>(entries);
    keys.addAll(moreKeys);
    return new AttributePolicy(keys, redactor);
  }

  /** Returns the policy with {@link #DEFAULT_ALLOWED_KEYS} and these keys too. */
  public static AttributePolicy defaultsPlus(Collection<String> moreKeys, Redactor redactor) {
    return defaults(redactor).plus(moreKeys);
  }

  /** Returns the policy with {@link #DEFAULT_ALLOWED_KEYS}. */
  public static AttributePolicy defaults(Redactor redactor) {
    return new AttributePolicy(DEFAULT_ALLOWED_KEYS, redactor);
  }

  /** Returns whether a card may show the attribute with this key. */
  public boolean allows(String key) {
    if (exactKeys.contains(key)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Returns only the allowed attributes, their values redacted. */
  public Attributes filter(Attributes attributes) {
    return keep(attributes, false, redactor::redact);
  }

  /** Returns a copy of the span fit to show: attributes filtered, every shown text redacted. */
  public Span apply(Span span) {
    return apply(span, redactor::redact);
  }

  private Span apply(Span span, UnaryOperator<String> redact) {
    List<SpanEvent> events = new ArrayList<>(span.events().size());
    for (SpanEvent event : span.events()) {
      events.add(
          new SpanEvent(
              redact.apply(event.name()),
              event.epochNanos(),
              keep(event.attributes(), true, redact)));
    }
    SpanStatus status = new SpanStatus(span.status().code(), redact.apply(span.status().message()));
    return span.toBuilder()
        .name(redact.apply(span.name()))
        .status(status)
        .attributes(keep(span.attributes(), false, redact))
        .events(events)
        .links(links(span.links(), redact))
        .build();
  }

  private List<SpanLink> links(List<SpanLink> links, UnaryOperator<String> redact) {
    if (links.isEmpty()) {
      return links;
    }
    List<SpanLink> kept = new ArrayList<>(links.size());
    for (SpanLink link : links) {
      kept.add(new SpanLink(link.traceId(), link.spanId(), keep(link.attributes(), false, redact)));
    }
    return kept;
  }

  /** Returns a copy of the trace with {@link #apply(Span)} applied to every span. */
  public Trace apply(Trace trace) {
    // The spans of one trace repeat their names, statuses and values; redaction is a pure function
    // of the text, so each distinct text is scanned once. The memo dies with the call.
    Map<String, String> redacted = new HashMap<>();
    UnaryOperator<String> redact = text -> redacted.computeIfAbsent(text, redactor::redact);
    List<Span> spans = new ArrayList<>(trace.spans().size());
    for (Span span : trace.spans()) {
      spans.add(apply(span, redact));
    }
    return new Trace(trace.traceId(), spans);
  }

  private Attributes keep(
      Attributes attributes, boolean exceptionFields, UnaryOperator<String> redact) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (Map.Entry<String, String> attribute : attributes.values().entrySet()) {
      String key = attribute.getKey();
      if (allows(key) || (exceptionFields && key.startsWith(EXCEPTION_PREFIX))) {
        kept.put(key, redact.apply(attribute.getValue()));
      }
    }
    return new Attributes(kept);
  }
}
