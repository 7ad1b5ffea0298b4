package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.SearchFanout;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared fixtures of the Jaeger backend tests: the window, the user, traces and a client. */
final class JaegerTesting {
  static final String USER = "usr_k8x9m2";
  static final Instant FROM = Instant.parse("2026-02-06T14:00:00Z");
  static final Instant TO = Instant.parse("2026-02-06T14:30:00Z");
  static final List<String> USER_KEYS = List.of("user.id", "enduser.id");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
  static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";

  private JaegerTesting() {}

  /** Returns a client for the base URL that records its pauses instead of waiting. */
  static BackendHttp http(URI base, List<Duration> pauses, long maxBodyBytes) {
    return http(base, pauses, maxBodyBytes, Duration.ofSeconds(2));
  }

  /** Returns a client with this timeout per attempt and three attempts. */
  static BackendHttp http(URI base, List<Duration> pauses, long maxBodyBytes, Duration timeout) {
    Endpoint endpoint =
        new Endpoint(
            "Jaeger",
            base,
            Map.of("Authorization", "Bearer t0ken"),
            timeout,
            Duration.ofSeconds(30),
            3,
            maxBodyBytes);
    return new BackendHttp(HttpClient.newHttpClient(), endpoint, CLOCK, pauses::add);
  }

  static JaegerBackend backend(URI base, JaegerOptions options, List<Duration> pauses) {
    return backend(base, options, pauses, SearchFanout.oneAtATime());
  }

  static JaegerBackend backend(
      URI base, JaegerOptions options, List<Duration> pauses, SearchFanout fanout) {
    return new JaegerBackend(http(base, pauses, 5_000_000), USER_KEYS, options, fanout);
  }

  static JaegerOptions v3(String... entryServices) {
    return new JaegerOptions(JaegerOptions.Api.V3, List.of(entryServices), Optional.empty());
  }

  static JaegerOptions v1(String... entryServices) {
    return new JaegerOptions(JaegerOptions.Api.V1, List.of(entryServices), Optional.empty());
  }

  /** The user's lookup: 14:00–14:30 UTC, no filters, at most 20 traces. */
  static TraceQuery query() {
    return new TraceQuery(USER, FROM, TO, Optional.empty(), Optional.empty(), false, 20);
  }

  /** The write-up's failing order, with the user ID on its entry span. */
  static Trace paymentFailure() {
    return withAttribute(
        TestSpans.orderPaymentFailure(), TestSpans.id(TestSpans.ORDER), "user.id", USER);
  }

  /** A one-span successful trace of the user, under the key, this long after 14:17:23. */
  static Trace okTrace(String traceId, String userKey, String userId, long millisAfterT0) {
    Span span =
        TestSpans.span("a")
            .service("api-gateway")
            .name("GET /api/v1/cart")
            .server()
            .http(200)
            .at(millisAfterT0)
            .lasting(30)
            .attribute(userKey, userId)
            .build();
    return new Trace(traceId, List.of(copy(span, traceId, span.attributes())));
  }

  /** Returns the trace with the attribute set on one span. */
  static Trace withAttribute(Trace trace, String spanId, String key, String value) {
    return new Trace(
        trace.traceId(),
        trace.spans().stream()
            .map(
                span -> {
                  if (!span.spanId().equals(spanId)) {
                    return span;
                  }
                  Map<String, String> attributes = new LinkedHashMap<>(span.attributes().values());
                  attributes.put(key, value);
                  return copy(span, span.traceId(), new Attributes(attributes));
                })
            .toList());
  }

  private static Span copy(Span span, String traceId, Attributes attributes) {
    return new Span(
        traceId,
        span.spanId(),
        span.parentSpanId(),
        span.service(),
        span.name(),
        span.kind(),
        span.startEpochNanos(),
        span.durationNanos(),
        span.status(),
        attributes,
        span.events());
  }
}
