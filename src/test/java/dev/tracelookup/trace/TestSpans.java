package dev.tracelookup.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Concise span construction for tests in any package, after Zipkin's {@code TestObjects}.
 *
 * <p>IDs and times are fixed, which is fine in unit tests only. Spans are named by short hex IDs:
 * {@code span("b").parent("a")} is span {@code 000000000000000b}, child of {@code
 * 000000000000000a}, and its name defaults to {@code "b"} so assertions read like the ASCII trees
 * in test Javadoc.
 */
public final class TestSpans {
  public static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  /** When the write-up's failing order started: 2026-02-06 14:17:23 UTC. */
  public static final Instant T0 = Instant.parse("2026-02-06T14:17:23Z");

  /** Short IDs of the spans in {@link #orderPaymentFailure()}. */
  public static final String ORDER = "1";

  public static final String VALIDATE = "2";
  public static final String CHECK_STOCK = "3";
  public static final String PROCESS_CHARGE = "4";
  public static final String CHARGE_CALL = "5";

  private TestSpans() {}

  /**
   * Returns the 16-character span ID for a short hex ID: {@code id("b")} is {@code
   * 000000000000000b}.
   */
  public static String id(String shortHex) {
    return "0".repeat(Math.max(0, TraceIds.SPAN_ID_HEX_LENGTH - shortHex.length())) + shortHex;
  }

  /** Starts an INTERNAL span of service {@code svc}, at {@link #T0}, lasting 1 ms, status UNSET. */
  public static Builder span(String shortId) {
    return new Builder(shortId);
  }

  public static Trace trace(Span... spans) {
    return trace(Arrays.asList(spans));
  }

  public static Trace trace(List<Span> spans) {
    return new Trace(TRACE_ID, spans);
  }

  /**
   * The write-up's failing order: the payment call gets a 502 because the gateway refused.
   *
   * <pre>
   * 1 POST /api/v1/orders              order-svc      SERVER 500 ERROR   0–1900 ms
   * ├── 2 order.validate               order-svc      OK                 10 ms
   * ├── 3 inventory.check_stock        inventory-svc  OK                 50 ms
   * └── 4 payment.process_charge       order-svc      ERROR              120 ms
   *     └── 5 POST payment-svc/charge  order-svc      CLIENT 502 ERROR   130 ms
   *           exception event ConnectionRefusedError: payment gateway timeout
   * </pre>
   */
  public static Trace orderPaymentFailure() {
    return trace(
        span(ORDER)
            .service("order-svc")
            .name("POST /api/v1/orders")
            .server()
            .lasting(1900)
            .http(500)
            .error("")
            .build(),
        span(VALIDATE)
            .parent(ORDER)
            .service("order-svc")
            .name("order.validate")
            .at(10)
            .lasting(40)
            .ok()
            .build(),
        span(CHECK_STOCK)
            .parent(ORDER)
            .service("inventory-svc")
            .name("inventory.check_stock")
            .at(50)
            .lasting(60)
            .ok()
            .build(),
        span(PROCESS_CHARGE)
            .parent(ORDER)
            .service("order-svc")
            .name("payment.process_charge")
            .at(120)
            .lasting(1770)
            .error("charge failed")
            .build(),
        span(CHARGE_CALL)
            .parent(PROCESS_CHARGE)
            .service("order-svc")
            .name("POST payment-svc/charge")
            .client()
            .at(130)
            .lasting(1750)
            .http(502)
            .error("Bad Gateway")
            .exception(
                "ConnectionRefusedError",
                "payment gateway timeout",
                "ConnectionRefusedError: payment gateway timeout\n"
                    + "    at payments.GatewayClient.charge(GatewayClient.java:88)\n"
                    + "    at payments.ChargeService.process(ChargeService.java:41)\n"
                    + "    at payments.ChargeController.post(ChargeController.java:27)\n"
                    + "    at http.Router.dispatch(Router.java:112)")
            .build());
  }

  /** A mutable span under construction; every setter returns {@code this}. */
  public static final class Builder {
    private String traceId = TRACE_ID;
    private final String spanId;
    private String parentSpanId = "";
    private String service = "svc";
    private String name;
    private SpanKind kind = SpanKind.INTERNAL;
    private long startMillis;
    private long durationMillis = 1;
    private SpanStatus status = SpanStatus.UNSET;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<SpanEvent> events = new ArrayList<>();
    private final List<SpanLink> links = new ArrayList<>();

    private Builder(String shortId) {
      this.spanId = id(shortId);
      this.name = shortId;
    }

    public Builder parent(String shortId) {
      parentSpanId = id(shortId);
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder kind(SpanKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder server() {
      return kind(SpanKind.SERVER);
    }

    public Builder client() {
      return kind(SpanKind.CLIENT);
    }

    public Builder producer() {
      return kind(SpanKind.PRODUCER);
    }

    public Builder consumer() {
      return kind(SpanKind.CONSUMER);
    }

    /** Puts the span in another trace than {@link #TRACE_ID}. */
    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    /** Links the span to span {@code shortId} of trace {@code traceId}. */
    public Builder link(String traceId, String shortId) {
      links.add(new SpanLink(traceId, id(shortId), Attributes.empty()));
      return this;
    }

    /** Sets {@code rpc.grpc.status_code}. */
    public Builder grpc(int code) {
      return attribute(FailureRules.GRPC_STATUS, Integer.toString(code));
    }

    /** Starts the span this many milliseconds after {@link #T0}. */
    public Builder at(long millisAfterT0) {
      startMillis = millisAfterT0;
      return this;
    }

    public Builder lasting(long millis) {
      durationMillis = millis;
      return this;
    }

    public Builder ok() {
      return status(new SpanStatus(StatusCode.OK, ""));
    }

    public Builder error(String message) {
      return status(SpanStatus.error(message));
    }

    public Builder status(SpanStatus status) {
      this.status = status;
      return this;
    }

    /** Sets {@code http.response.status_code}. */
    public Builder http(int status) {
      return attribute(FailureRules.HTTP_STATUS, Integer.toString(status));
    }

    public Builder attribute(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    /** Adds an OpenTelemetry {@code exception} event at the span's start. */
    public Builder exception(String type, String message, String stacktrace) {
      return event(
          new SpanEvent(
              SpanEvent.EXCEPTION,
              startNanos(),
              Attributes.of(
                  "exception.type", type,
                  "exception.message", message,
                  "exception.stacktrace", stacktrace)));
    }

    public Builder event(SpanEvent event) {
      events.add(event);
      return this;
    }

    public Span build() {
      return new Span(
          traceId,
          spanId,
          parentSpanId,
          service,
          name,
          kind,
          startNanos(),
          Duration.ofMillis(durationMillis).toNanos(),
          status,
          new Attributes(attributes),
          events,
          links);
    }

    private long startNanos() {
      Instant start = T0.plusMillis(startMillis);
      return start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }
  }
}
