package dev.tracelookup.http;

import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.telemetry.TelemetryKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One client span and one {@code http.client.request.duration} measurement per HTTP attempt, in the
 * HTTP semantic conventions. Paths are reduced to templates: query strings carry customer IDs and
 * path segments carry trace and ticket IDs, none of which may reach telemetry.
 */
final class HttpSpans {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  /**
   * Segments kept as they are: words ({@code api}, {@code traces}) and versions ({@code v2}, {@code
   * 3}).
   */
  private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z_.-]*|v?\\d{1,2}");

  private final Tracer tracer;
  private final DoubleHistogram duration;
  private final Attributes server;

  HttpSpans(Telemetry telemetry, Endpoint endpoint) {
    this.tracer = telemetry.tracer();
    this.duration =
        telemetry
            .meter()
            .histogramBuilder("http.client.request.duration")
            .setUnit("s")
            .setDescription(
                "Duration of the bot's HTTP calls to backends and ticket systems, per attempt")
            .build();
    int port = endpoint.baseUrl().getPort();
    this.server =
        Attributes.of(
            SERVER_ADDRESS,
            String.valueOf(endpoint.baseUrl().getHost()),
            SERVER_PORT,
            (long) (port >= 0 ? port : "https".equals(endpoint.baseUrl().getScheme()) ? 443 : 80),
            TelemetryKeys.BACKEND,
            endpoint.backendName());
  }

  /** Starts the span of one GET attempt; {@code attempt} counts from 1. */
  Call start(String path, int attempt) {
    Attributes attributes =
        server.toBuilder().put(METHOD, "GET").put(URL_TEMPLATE, template(path)).build();
    Span span =
        tracer
            .spanBuilder("GET")
            .setSpanKind(SpanKind.CLIENT)
            .setAllAttributes(attributes)
            .startSpan();
    if (attempt > 1) {
      span.setAttribute(RESEND_COUNT, attempt - 1L);
    }
    return new Call(span, attributes, System.nanoTime());
  }

  /** Returns the path with every segment that could be an ID replaced by {@code {id}}. */
  static String template(String path) {
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (!PLAIN_SEGMENT.matcher(segments[i]).matches()) {
        segments[i] = "{id}";
      }
    }
    return String.join("/", segments);
  }

  /** One attempt in flight. */
  final class Call {
    private final Span span;
    private final AttributesBuilder attributes;
    private final long startNanos;
    private int status;

    private Call(Span span, Attributes attributes, long startNanos) {
      this.span = span;
      this.attributes = attributes.toBuilder();
      this.startNanos = startNanos;
    }

    /** Records the status line's code. */
    void status(int code) {
      status = code;
      span.setAttribute(STATUS, (long) code);
      attributes.put(STATUS, (long) code);
    }

    /** Ends the attempt: a failure marks the span as an error, by status code or failure kind. */
    void end(Optional<HttpFailure> failure) {
      Optional<String> errorType =
          status >= 400
              ? Optional.of(String.valueOf(status))
              : failure.map(f -> f.kind().name().toLowerCase(Locale.ROOT));
      errorType.ifPresent(
          type -> {
            span.setAttribute(TelemetryKeys.ERROR_TYPE, type);
            span.setStatus(StatusCode.ERROR);
            attributes.put(TelemetryKeys.ERROR_TYPE, type);
          });
      duration.record((System.nanoTime() - startNanos) / 1e9, attributes.build());
      span.end();
    }
  }
}
