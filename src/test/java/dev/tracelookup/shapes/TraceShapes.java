package dev.tracelookup.shapes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The corpus of real-world trace shapes: how real instrumentation (the OpenTelemetry Java agent,
 * the Python, Go, .NET and Node.js SDKs, Brave, Envoy and Istio, nginx, Jaeger clients and HotROD,
 * the OpenTelemetry demo) records requests that failed, were refused, recovered or succeeded, and
 * what a careful on-call engineer concludes from each.
 *
 * <p>Each shape's wire-format fixtures are in {@code src/test/resources/shapes/<dir>/}: {@code
 * otlp.json} (the Collector's file exporter), {@code jaeger.json} (Jaeger's v1 query API) and
 * {@code zipkin.json} (Zipkin's v2 API), plus {@code *-linked.json} for a trace reached through a
 * span link. How each origin maps to each format is described in {@code shapes/README.md}.
 *
 * <p>The fixtures and this file are written by {@code src/test/resources/shapes/make_shapes.py}
 * from one span model per shape, so IDs, times and expectations agree across formats: change the
 * shape there and run it again rather than editing the JSON or this file by hand.
 *
 * <p>Every shape's customer is alone in their ID ({@code usr_shapeNN}) and at their own minute on
 * 2026-02-06 between 10:00 and 18:00 UTC, so a lookup of the user ID at {@link TraceShape#at()}
 * finds exactly that shape's trace.
 */
final class TraceShapes {
  private TraceShapes() {}

  /**
   * One trace shape and what the analysis should make of it.
   *
   * @param dir the directory under {@code src/test/resources/shapes/}
   * @param source the instrumentation (SDK, agent, proxy and versions) whose output it imitates
   * @param userId the customer, on the entry span ({@code user.id}, or {@code enduser.id} for older
   *     instrumentation) and on a few inner spans
   * @param traceId the main trace's ID, normalised (32 lower-case hex; 64-bit IDs left-padded)
   * @param at when the entry span started (for a trace without its entry: its earliest orphan)
   * @param expectedVerdict what the customer saw: {@code FAILED}, {@code REFUSED}, {@code
   *     RECOVERED} or {@code SUCCEEDED}
   * @param timedOut the failure is a hang, timeout or cancellation, whose culprit is found by
   *     following the time (the critical path) rather than the errors
   * @param asynchronous the failure happened in work done after the entry had answered
   * @param entryMissing the entry span was never reported
   * @param culpritSpanId the span a careful engineer names (in the OTLP and Zipkin forms), or null
   *     for RECOVERED and SUCCEEDED
   * @param culpritService the culprit's own service: Brave and Envoy share one span ID between a
   *     client and a server span, and this tells which half is meant
   * @param culpritJaegerSpanId the culprit's ID in the Jaeger form when Jaeger's query service
   *     renamed it (the server half of a shared span ID), else null
   * @param formats the fixture files present: {@code otlp}, {@code jaeger}, {@code zipkin}
   * @param linkedTraceId the trace reached through a span link, in {@code *-linked.json}, or null
   * @param notes why the verdict and culprit are right
   */
  record TraceShape(
      String dir,
      String source,
      String userId,
      String traceId,
      Instant at,
      String expectedVerdict,
      boolean timedOut,
      boolean asynchronous,
      boolean entryMissing,
      String culpritSpanId,
      String culpritService,
      String culpritJaegerSpanId,
      Set<String> formats,
      String linkedTraceId,
      String notes) {
    private static final Set<String> VERDICTS =
        Set.of("FAILED", "REFUSED", "RECOVERED", "SUCCEEDED");
    private static final Set<String> FORMATS = Set.of("otlp", "jaeger", "zipkin");
    private static final Pattern HEX_TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    TraceShape {
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(notes, "notes");
      if (!HEX_TRACE_ID.matcher(traceId).matches()) {
        throw new IllegalArgumentException(dir + ": not a normalised trace ID: " + traceId);
      }
      if (!VERDICTS.contains(expectedVerdict)) {
        throw new IllegalArgumentException(dir + ": unknown verdict " + expectedVerdict);
      }
      if ((culpritSpanId == null) != (culpritService == null)) {
        throw new IllegalArgumentException(
            dir + ": a culprit needs both its span ID and its service");
      }
      boolean failure = expectedVerdict.equals("FAILED") || expectedVerdict.equals("REFUSED");
      if (failure != (culpritSpanId != null)) {
        throw new IllegalArgumentException(
            dir + ": failures and refusals name a culprit, nothing else does");
      }
      formats = Set.copyOf(formats);
      if (formats.isEmpty() || !FORMATS.containsAll(formats)) {
        throw new IllegalArgumentException(
            dir + ": formats must be some of " + FORMATS + ": " + formats);
      }
    }

    /**
     * Returns whether the shape has a trace reached through a span link, in {@code *-linked.json}.
     */
    boolean linked() {
      return linkedTraceId != null;
    }

    /** Returns the classpath resource of one of the shape's files, e.g. {@code otlp.json}. */
    String resource(String file) {
      return "/shapes/" + dir + "/" + file;
    }

    @Override
    public String toString() {
      return dir;
    }
  }

  /**
   * The write-up's case: an order fails because payment-svc answered 502 when the payment gateway
   * refused the connection.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3 on Tomcat 10, JDK HttpClient,
   * &#64;WithSpan).
   *
   * <pre>
   * POST /api/v1/orders                  order-api      SERVER    500 ERROR                                                                      0.0–1903.4 ms
   * ├── order.validate                   order-api      INTERNAL                                                                                  11.2–57.9 ms
   * ├── inventory.check_stock            order-api      INTERNAL                                                                                 58.6–231.0 ms
   * │   └── GET                          order-api      CLIENT    200                                                                            60.1–229.7 ms
   * │       └── GET /api/v1/stock/{sku}  inventory-svc  SERVER    200                                                                            63.8–226.2 ms
   * └── payment.process_charge           order-api      INTERNAL  ERROR PaymentGatewayException: POST http://payment-svc:8080/charge returne…  232.4–1889.0 ms
   *     └── POST                         order-api      CLIENT    502 ERROR                                                                    234.0–1886.5 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST /api/v1/orders → 500; root cause POST payment-svc/charge →
   * 502"); culprit POST in order-api.
   *
   * <p>The deepest failing span with no failing child is the HTTP client call that got the 502;
   * payment-svc sits behind a gateway adapter that is not traced, so nothing below it was reported.
   * The exception that names the refused connection is on its parent payment.process_charge, where
   * &#64;WithSpan records what the method threw: the Java agent never puts an application exception
   * on the HTTP client span itself. A careful engineer names the call and quotes the parent's
   * exception.
   */
  static final TraceShape WRITE_UP_PAYMENT_502 =
      new TraceShape(
          "write-up-payment-502",
          "OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3 on Tomcat 10, JDK HttpClient,"
              + " @WithSpan)",
          "usr_shape01",
          "88c4e5486e66edc08dc0f20c634d4901",
          Instant.parse("2026-02-06T10:00:06.495230Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "3198a54486f2f3b9",
          "order-api",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The deepest failing span with no failing child is the HTTP client call that got the 502;"
              + " payment-svc sits behind a gateway adapter that is not traced, so nothing below it"
              + " was reported. The exception that names the refused connection is on its parent"
              + " payment.process_charge, where @WithSpan records what the method threw: the Java"
              + " agent never puts an application exception on the HTTP client span itself. A"
              + " careful engineer names the call and quotes the parent's exception.");

  /**
   * A Redis read times out twice; the third try succeeds and the cart answers 200.
   *
   * <p>Source: Python 3.12 Flask 3.0, redis-py 5.0, OpenTelemetry Python SDK 1.27.0 /
   * instrumentation 0.48b0; retries by tenacity in the application.
   *
   * <pre>
   * GET /api/cart  cart-svc  SERVER  200                                                        0.0–47.8 ms
   * ├── GET        cart-svc  CLIENT  ERROR TimeoutError: Timeout reading from redis-cart:6379   1.9–12.0 ms  ✗ recovered
   * ├── GET        cart-svc  CLIENT  ERROR TimeoutError: Timeout reading from redis-cart:6379  16.0–26.1 ms  ✗ recovered
   * └── GET        cart-svc  CLIENT                                                            30.1–31.9 ms
   * </pre>
   *
   * <p>Verdict RECOVERED ("succeeded after retrying GET (redis) (TimeoutError ×2)"); no culprit.
   *
   * <p>The entry answered 200 and the last of three identical Redis reads succeeded: the two
   * timeouts were retried by the application, so they explain latency, not a failure. Nothing is a
   * culprit of a success.
   */
  static final TraceShape REDIS_TIMEOUT_RETRIED =
      new TraceShape(
          "redis-timeout-retried",
          "Python 3.12 Flask 3.0, redis-py 5.0, OpenTelemetry Python SDK 1.27.0 / instrumentation "
              + "0.48b0; retries by tenacity in the application",
          "usr_shape02",
          "11bb6096e31631cf1e82d38178697f0f",
          Instant.parse("2026-02-06T10:14:31.508632Z"),
          "RECOVERED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          null,
          null,
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The entry answered 200 and the last of three identical Redis reads succeeded: the two"
              + " timeouts were retried by the application, so they explain latency, not a failure."
              + " Nothing is a culprit of a success.");

  /**
   * A price lookup gets 503 with Retry-After: 0; OkHttp resends it, the resend gets 200.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 (OkHttp 4.12 resend spans with
   * http.request.resend_count).
   *
   * <pre>
   * GET /api/v1/products/{id}/price     catalog-api  SERVER  200         0.0–96.2 ms
   * ├── GET                             catalog-api  CLIENT  503 ERROR   3.2–41.7 ms  ✗ recovered
   * │   └── GET /v2/prices/{productId}  pricing-svc  SERVER  503 ERROR   5.1–39.8 ms  ✗ recovered
   * └── GET                             catalog-api  CLIENT  200        42.3–93.1 ms
   *     └── GET /v2/prices/{productId}  pricing-svc  SERVER  200        44.0–91.0 ms
   * </pre>
   *
   * <p>Verdict RECOVERED ("succeeded after retrying GET pricing-svc (503)"); no culprit.
   *
   * <p>pricing-svc shed load with 503 and Retry-After: 0, which OkHttp's
   * RetryAndFollowUpInterceptor honours by resending at once; the agent records each attempt as its
   * own client span and marks the resend with http.request.resend_count=1. The resend got 200 and
   * the entry answered 200, so both the failed attempt and the 503 server span under it were
   * recovered.
   */
  static final TraceShape OKHTTP_503_RESEND =
      new TraceShape(
          "okhttp-503-resend",
          "OpenTelemetry Java agent 2.10.0 (OkHttp 4.12 resend spans with"
              + " http.request.resend_count)",
          "usr_shape03",
          "193c70bcd35866fce7c3912e136033a2",
          Instant.parse("2026-02-06T10:28:09.215472Z"),
          "RECOVERED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          null,
          null,
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "pricing-svc shed load with 503 and Retry-After: 0, which OkHttp's"
              + " RetryAndFollowUpInterceptor honours by resending at once; the agent records each"
              + " attempt as its own client span and marks the resend with"
              + " http.request.resend_count=1. The resend got 200 and the entry answered 200, so"
              + " both the failed attempt and the 503 server span under it were recovered.");

  /**
   * Three attempts to reserve stock all get 503; the gateway gives up and answers 502.
   *
   * <p>Source: Go 1.22 net/http with go.opentelemetry.io/contrib otelhttp v0.49.0 (SDK 1.24.0),
   * retry loop with backoff in the application.
   *
   * <pre>
   * POST /orders   order-gateway  SERVER  502 ERROR   0.0–1412.6 ms
   * ├── HTTP POST  order-gateway  CLIENT  503 ERROR      2.4–6.0 ms  ✗ recovered
   * ├── HTTP POST  order-gateway  CLIENT  503 ERROR  206.0–209.6 ms  ✗ recovered
   * └── HTTP POST  order-gateway  CLIENT  503 ERROR  609.6–613.2 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST /orders → 502; root cause HTTP POST inventory → 503 (3
   * attempts)"); culprit HTTP POST in order-gateway.
   *
   * <p>Every attempt failed, so the retries did not recover anything: the customer saw the 502.
   * inventory had no ready endpoints during a rollout and its ingress answered the 503s itself, so
   * there are no inventory spans. The last attempt is the one whose failure the gateway passed on;
   * the earlier two are the same failure repeated, counted but not named.
   */
  static final TraceShape GO_RETRIES_EXHAUSTED =
      new TraceShape(
          "go-retries-exhausted",
          "Go 1.22 net/http with go.opentelemetry.io/contrib otelhttp v0.49.0 (SDK 1.24.0), retry"
              + " loop with backoff in the application",
          "usr_shape04",
          "178283b2e47d480f04e855dc34f257f0",
          Instant.parse("2026-02-06T10:42:35.688751Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "3d89e2f9fb8229a1",
          "order-gateway",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Every attempt failed, so the retries did not recover anything: the customer saw the 502."
              + " inventory had no ready endpoints during a rollout and its ingress answered the"
              + " 503s itself, so there are no inventory spans. The last attempt is the one whose"
              + " failure the gateway passed on; the earlier two are the same failure repeated,"
              + " counted but not named.");

  /**
   * A profile lookup is retried successfully, then the tax quote fails for real and checkout
   * answers 500.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3, OkHttp 4.12 resends, JDK
   * HttpClient).
   *
   * <pre>
   * POST /api/checkout                   checkout-api  SERVER  500 ERROR                                                                          0.0–612.7 ms
   * ├── GET                              checkout-api  CLIENT  503 ERROR                                                                           4.1–35.6 ms  ✗ recovered
   * │   └── GET /internal/profiles/{id}  profile-svc   SERVER  503 ERROR                                                                           6.0–33.9 ms  ✗ recovered
   * ├── GET                              checkout-api  CLIENT  200                                                                                36.2–71.4 ms
   * │   └── GET /internal/profiles/{id}  profile-svc   SERVER  200                                                                                38.0–69.6 ms
   * └── POST                             checkout-api  CLIENT  500 ERROR                                                                         73.0–601.5 ms
   *     └── POST /v1/quote               tax-svc       SERVER  500 ERROR IllegalArgumentException: No tax rate configured for region 'PR' and …  75.9–598.8 ms  ◀ culprit
   *         └── SELECT tax.rates         tax-svc       CLIENT                                                                                    80.2–594.0 ms
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST /api/checkout → 500; root cause tax-svc POST /v1/quote
   * (IllegalArgumentException)"); culprit POST /v1/quote in tax-svc.
   *
   * <p>Two failures: the profile 503 was resent and answered 200 (recovered, not a culprit), and
   * the tax quote failed with 500. The tax-svc server span carries the exception and has no failing
   * child (its rate query succeeded and returned no row), so it is the culprit. A rule that picks
   * the first or the deepest ERROR span anywhere would wrongly name the recovered 503.
   */
  static final TraceShape RECOVERED_RETRY_AND_REAL_FAILURE =
      new TraceShape(
          "recovered-retry-and-real-failure",
          "OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3, OkHttp 4.12 resends, JDK HttpClient)",
          "usr_shape05",
          "de7e91ad8ba89bb64c7b7d45049ae803",
          Instant.parse("2026-02-06T10:56:04.485051Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "1e6a4d85730d2e00",
          "tax-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Two failures: the profile 503 was resent and answered 200 (recovered, not a culprit),"
              + " and the tax quote failed with 500. The tax-svc server span carries the exception"
              + " and has no failing child (its rate query succeeded and returned no row), so it is"
              + " the culprit. A rule that picks the first or the deepest ERROR span anywhere would"
              + " wrongly name the recovered 503.");

  /**
   * The order is refused with 409: order-svc says it was already placed.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3 &#64;ResponseStatus exception, JDK
   * HttpClient, JDBC).
   *
   * <pre>
   * POST /orders                      web-bff    SERVER  409                                                                            0.0–88.3 ms
   * └── POST                          web-bff    CLIENT  409 ERROR                                                                      2.7–85.9 ms
   *     └── POST /api/orders          order-svc  SERVER  409 OrderAlreadyPlacedException: Order with idempotency key 3f0c9a7e-5b1d-4e…  5.3–83.0 ms  ◀ culprit
   *         └── SELECT orders.orders  order-svc  CLIENT                                                                                 9.9–17.2 ms
   * </pre>
   *
   * <p>Verdict REFUSED ("refused: POST /orders → 409 Conflict (OrderAlreadyPlacedException: Order
   * with idempotency key … was already placed as ORD-7781920)"); culprit POST /api/orders in
   * order-svc.
   *
   * <p>Server spans leave 4xx unset, as semantic conventions say, so the entry looks fine by
   * status; the 409 is what the customer saw. Only the client span in between is ERROR (client
   * 4xx), and it carries no reason. The reason is the exception event that the agent's Spring MVC
   * instrumentation recorded on order-svc's server span even though the handler mapped it to 409:
   * that span is the culprit.
   */
  static final TraceShape CONFLICT_409_ORDER_EXISTS =
      new TraceShape(
          "conflict-409-order-exists",
          "OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3 @ResponseStatus exception, JDK"
              + " HttpClient, JDBC)",
          "usr_shape06",
          "e166fb4aa96e4b81b006a0f7ee377e22",
          Instant.parse("2026-02-06T11:10:06.535352Z"),
          "REFUSED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "4a8cb561e4628868",
          "order-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Server spans leave 4xx unset, as semantic conventions say, so the entry looks fine by"
              + " status; the 409 is what the customer saw. Only the client span in between is"
              + " ERROR (client 4xx), and it carries no reason. The reason is the exception event"
              + " that the agent's Spring MVC instrumentation recorded on order-svc's server span"
              + " even though the handler mapped it to 409: that span is the culprit.");

  /**
   * Payment is declined with 402: insufficient funds.
   *
   * <p>Source: ASP.NET Core 8 with OpenTelemetry .NET 1.9.0 (AspNetCore RecordException=true,
   * HttpClient).
   *
   * <pre>
   * POST /api/orders        storefront   SERVER  402                                             0.0–341.0 ms
   * └── POST                storefront   CLIENT  402 ERROR                                       6.2–336.4 ms
   *     └── POST /payments  payment-svc  SERVER  402 CardDeclinedException: insufficient funds   9.0–333.3 ms  ◀ culprit
   *         └── POST        payment-svc  CLIENT  200                                            21.4–327.9 ms
   * </pre>
   *
   * <p>Verdict REFUSED ("refused: POST /api/orders → 402 Payment Required (CardDeclinedException:
   * insufficient funds)"); culprit POST /payments in payment-svc.
   *
   * <p>The acquirer answered 200 with a refusal in the body; payment-svc threw
   * CardDeclinedException and its exception handler mapped it to 402. ASP.NET Core instrumentation
   * with RecordException keeps the exception event but leaves the 4xx server span unset. The
   * storefront's HttpClient span is ERROR (client 4xx) without a reason; the server span that has
   * the reason is the culprit.
   */
  static final TraceShape PAYMENT_DECLINED_402 =
      new TraceShape(
          "payment-declined-402",
          "ASP.NET Core 8 with OpenTelemetry .NET 1.9.0 (AspNetCore RecordException=true,"
              + " HttpClient)",
          "usr_shape07",
          "a1d25c871283dbbc3e83e59aa43141f3",
          Instant.parse("2026-02-06T11:24:50.066584Z"),
          "REFUSED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "28e1b7ec5f878fd0",
          "payment-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The acquirer answered 200 with a refusal in the body; payment-svc threw"
              + " CardDeclinedException and its exception handler mapped it to 402. ASP.NET Core"
              + " instrumentation with RecordException keeps the exception event but leaves the 4xx"
              + " server span unset. The storefront's HttpClient span is ERROR (client 4xx) without"
              + " a reason; the server span that has the reason is the culprit.");

  /**
   * A profile page asks for an avatar that does not exist; the 404 is expected and the page answers
   * 200.
   *
   * <p>Source: Spring Cloud Sleuth 3.1.10 with Brave 5.16 (RestTemplate, Spring MVC), reporting to
   * Zipkin.
   *
   * <pre>
   * GET /profile/{id}               profile-web  SERVER                  0.0–64.2 ms
   * ├── GET                         profile-web  CLIENT                  2.1–21.6 ms
   * │   └── GET /users/{id}         user-svc     SERVER                  3.3–20.4 ms
   * └── GET                         profile-web  CLIENT  404 error=404  22.4–41.0 ms  ✗ recovered
   *     └── GET /users/{id}/avatar  avatar-svc   SERVER  404 error=404  23.5–39.7 ms  ✗ recovered
   * </pre>
   *
   * <p>Verdict RECOVERED ("succeeded (avatar-svc GET /users/{id}/avatar → 404, expected and
   * absorbed)"); no culprit.
   *
   * <p>Brave's default HttpResponseParser tags error=&lt;status&gt; on every response ≥ 400 without
   * an exception, on both halves of the shared span ID. The caller handled the 404 (no avatar: show
   * initials) and the page answered 200, so the 404 is absorbed by a successful parent and names no
   * culprit. Through the Collector's zipkin receiver (OTLP form) and Jaeger, error="404" stays a
   * plain attribute with status UNSET, because only error="true" becomes ERROR there.
   *
   * <p>Formats: Brave reports 64-bit IDs; the root span's ID equals the trace ID. The avatar and
   * user calls share their span IDs between client and server (B3 join); Jaeger's query service
   * gives the server halves IDs 0000000000000001 and 0000000000000002.
   */
  static final TraceShape BRAVE_404_ABSORBED =
      new TraceShape(
          "brave-404-absorbed",
          "Spring Cloud Sleuth 3.1.10 with Brave 5.16 (RestTemplate, Spring MVC), reporting to"
              + " Zipkin",
          "usr_shape08",
          "00000000000000005dc43c43a23309f7",
          Instant.parse("2026-02-06T11:38:20.671629Z"),
          "RECOVERED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          null,
          null,
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Brave's default HttpResponseParser tags error=<status> on every response ≥ 400 without"
              + " an exception, on both halves of the shared span ID. The caller handled the 404"
              + " (no avatar: show initials) and the page answered 200, so the 404 is absorbed by a"
              + " successful parent and names no culprit. Through the Collector's zipkin receiver"
              + " (OTLP form) and Jaeger, error=\"404\" stays a plain attribute with status UNSET,"
              + " because only error=\"true\" becomes ERROR there.");

  /**
   * A checkout fails with 500 through three Brave services; the deepest server says why.
   *
   * <p>Source: Spring Cloud Sleuth 3.1.10 with Brave 5.16 (RestTemplate, Spring MVC, JPA),
   * reporting to Zipkin.
   *
   * <pre>
   * POST /checkout                            shop-web   SERVER  500 error=500             0.0–5071.3 ms
   * └── POST                                  shop-web   CLIENT  500 error=500             3.0–5066.2 ms
   *     └── POST /orders                      order-svc  SERVER  500 error=500             4.4–5063.9 ms
   *         └── POST                          order-svc  CLIENT  500 error=500             9.8–5058.7 ms
   *             └── POST /stock/reservations  stock-svc  SERVER  500 error=Could not op…  11.0–5056.1 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST /checkout → 500; root cause stock-svc POST /stock/reservations
   * (Unable to acquire JDBC Connection)"); culprit POST /stock/reservations in stock-svc.
   *
   * <p>Every span carries Brave's error tag: the status code ("500") where no exception was seen,
   * the exception message where one was. The culprit is the deepest server half, stock-svc's, whose
   * error tag is Hibernate's message after a 5 s wait for a pooled connection. Its span ID is
   * shared with order-svc's client half (culpritService tells them apart); Jaeger renames the
   * server half, see culpritJaegerSpanId.
   *
   * <p>Formats: Brave 64-bit IDs, shared client/server span IDs; Jaeger's query service gives the
   * server halves IDs 0000000000000001 (order-svc) and 0000000000000002 (stock-svc).
   */
  static final TraceShape BRAVE_500_END_TO_END =
      new TraceShape(
          "brave-500-end-to-end",
          "Spring Cloud Sleuth 3.1.10 with Brave 5.16 (RestTemplate, Spring MVC, JPA), reporting to"
              + " Zipkin",
          "usr_shape09",
          "00000000000000007916c26c2615da16",
          Instant.parse("2026-02-06T11:52:40.319896Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "d519dd7f8e3e569c",
          "stock-svc",
          "0000000000000002",
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Every span carries Brave's error tag: the status code (\"500\") where no exception was"
              + " seen, the exception message where one was. The culprit is the deepest server"
              + " half, stock-svc's, whose error tag is Hibernate's message after a 5 s wait for a"
              + " pooled connection. Its span ID is shared with order-svc's client half"
              + " (culpritService tells them apart); Jaeger renames the server half, see"
              + " culpritJaegerSpanId.");

  /**
   * The gateway answers 504 after 30 s; the report query underneath never came back in time.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 on Spring Cloud Gateway 4.1 (Reactor Netty) and a
   * Spring Boot service with JDBC (PostgreSQL).
   *
   * <pre>
   * GET /api/reports/{id}                     api-gateway  SERVER  504 ERROR TimeoutException: Response took longer than timeout: PT30S  0.00–30.01 s
   * └── GET                                   api-gateway  CLIENT                                                                        0.00–30.01 s
   *     └── GET /reports/{id}                 report-svc   SERVER  200                                                                   0.01–31.38 s
   *         ├── SELECT reporting.reports      report-svc   CLIENT                                                                         0.01–0.02 s
   *         └── SELECT reporting.report_rows  report-svc   CLIENT                                                                        0.02–29.94 s  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed (timed out): GET /api/reports/{id} → 504 after 30.0 s; the time went
   * to SELECT reporting.report_rows (29.9 s)"); culprit SELECT reporting.report_rows in report-svc.
   *
   * <p>The gateway's response timeout cancelled the upstream call: the Reactor Netty client span
   * ends at 30 s with no response, no status and no error (a cancellation is not an error to the
   * agent). report-svc kept going and answered 200 to nobody after 31.4 s. Following the time down
   * the critical path (gateway → client → report-svc → the query) ends at the 29.9 s query, which
   * has no error either: that is the span a careful engineer names, not the gateway's own
   * exception.
   */
  static final TraceShape GATEWAY_504_HUNG_QUERY =
      new TraceShape(
          "gateway-504-hung-query",
          "OpenTelemetry Java agent 2.10.0 on Spring Cloud Gateway 4.1 (Reactor Netty) and a Spring"
              + " Boot service with JDBC (PostgreSQL)",
          "usr_shape10",
          "ba9e254dce2f81fc5bc61db1944798d2",
          Instant.parse("2026-02-06T12:06:09.669901Z"),
          "FAILED",
          /* timedOut */ true,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "2ec5fc169425c095",
          "report-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The gateway's response timeout cancelled the upstream call: the Reactor Netty client"
              + " span ends at 30 s with no response, no status and no error (a cancellation is not"
              + " an error to the agent). report-svc kept going and answered 200 to nobody after"
              + " 31.4 s. Following the time down the critical path (gateway → client → report-svc"
              + " → the query) ends at the 29.9 s query, which has no error either: that is the"
              + " span a careful engineer names, not the gateway's own exception.");

  /**
   * The caller's sidecar gives up after 15 s (UT, 504) while the called service runs a slow query
   * for 18 s.
   *
   * <p>Source: Istio 1.22 (Envoy 1.30 sidecars, Zipkin tracer, B3 shared span context) around
   * services with the OpenTelemetry Java agent 2.10.0.
   *
   * <pre>
   * GET /api/orders/{id}                                 web-frontend       SERVER  504 ERROR             0.00–15.03 s
   * └── GET                                              web-frontend       CLIENT  504 ERROR             0.00–15.02 s
   *     └── order-svc.shop.svc.cluster.local:8080/*      web-frontend.shop  CLIENT  504 UT ERROR          0.01–15.01 s
   *         └── order-svc.shop.svc.cluster.local:8080/*  order-svc.shop     SERVER  no response DC ERROR  0.01–15.01 s
   *             └── GET /orders/{id}                     order-svc          SERVER  200                   0.01–18.45 s
   *                 ├── SELECT shop.orders               order-svc          CLIENT                         0.01–0.02 s
   *                 └── SELECT shop.order_lines          order-svc          CLIENT                        0.02–18.43 s  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed (timed out): GET /api/orders/{id} → 504 after 15.0 s; the time went
   * to order-svc SELECT shop.order_lines (18.4 s)"); culprit SELECT shop.order_lines in order-svc.
   *
   * <p>The egress sidecar span is the one that failed (error=true, response_flags=UT, 504 at the
   * route's 15 s timeout); the ingress sidecar saw the downstream disconnect (DC, status 0, also
   * error=true). Neither took the time: order-svc's server span ran 18.4 s and answered 200 to a
   * closed connection, and inside it one query took 18.4 s. Following the time down names that
   * query; the proxies only report who gave up.
   *
   * <p>Formats: Envoy spans are Zipkin-native with a shared span ID between the egress (CLIENT) and
   * ingress (SERVER) sidecars; the application spans went through the Collector. Jaeger renames the
   * ingress half to 0000000000000001 and puts order-svc's server span under it.
   */
  static final TraceShape ISTIO_EGRESS_TIMEOUT =
      new TraceShape(
          "istio-egress-timeout",
          "Istio 1.22 (Envoy 1.30 sidecars, Zipkin tracer, B3 shared span context) around services"
              + " with the OpenTelemetry Java agent 2.10.0",
          "usr_shape11",
          "fba8849376ed7ad07b31abbedc71e9e9",
          Instant.parse("2026-02-06T12:20:12.255619Z"),
          "FAILED",
          /* timedOut */ true,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "18ee74abd418726b",
          "order-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The egress sidecar span is the one that failed (error=true, response_flags=UT, 504 at"
              + " the route's 15 s timeout); the ingress sidecar saw the downstream disconnect (DC,"
              + " status 0, also error=true). Neither took the time: order-svc's server span ran"
              + " 18.4 s and answered 200 to a closed connection, and inside it one query took 18.4"
              + " s. Following the time down names that query; the proxies only report who gave"
              + " up.");

  /**
   * The app gives up on a search after 5 s; the search service keeps going for 7 s.
   *
   * <p>Source: Go 1.22 net/http with otelhttp v0.49.0 and github.com/XSAM/otelsql v0.29.0 (SDK
   * 1.24.0).
   *
   * <pre>
   * GET /api/search             mobile-bff  SERVER    499                                                           0.0–5003.1 ms
   * └── HTTP GET                mobile-bff  CLIENT    ERROR Error: Get "http://search-svc:8080/search?q=linen+…     1.8–5002.4 ms
   *     └── GET /search         search-svc  SERVER    200                                                           3.9–7231.6 ms
   *         ├── sql.conn.query  search-svc  CLIENT                                                                  6.2–7014.8 ms  ◀ culprit
   *         └── rank            search-svc  INTERNAL                                                             7015.3–7228.0 ms
   * </pre>
   *
   * <p>Verdict FAILED ("failed (cancelled): GET /api/search, the app closed the request after 5.0
   * s; the time went to search-svc sql.conn.query (7.0 s)"); culprit sql.conn.query in search-svc.
   *
   * <p>The iOS app aborts searches after 5 s; the BFF's request context was cancelled, its outgoing
   * call failed with "context canceled" and the handler logged 499 (client closed request), which
   * otelhttp records as a 4xx and leaves unset. That is a hang the customer saw, not a refusal. The
   * called service never noticed and ran its 7.0 s full-text query to the end: following the time
   * down names that query, not the client span that gave up.
   */
  static final TraceShape GO_CONTEXT_CANCELED =
      new TraceShape(
          "go-context-canceled",
          "Go 1.22 net/http with otelhttp v0.49.0 and github.com/XSAM/otelsql v0.29.0 (SDK 1.24.0)",
          "usr_shape12",
          "858fbbe971045a42b9538f33daa93f01",
          Instant.parse("2026-02-06T12:34:40.617141Z"),
          "FAILED",
          /* timedOut */ true,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "de65c9c82bd3bc84",
          "search-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The iOS app aborts searches after 5 s; the BFF's request context was cancelled, its"
              + " outgoing call failed with \"context canceled\" and the handler logged 499 (client"
              + " closed request), which otelhttp records as a 4xx and leaves unset. That is a hang"
              + " the customer saw, not a refusal. The called service never noticed and ran its 7.0"
              + " s full-text query to the end: following the time down names that query, not the"
              + " client span that gave up.");

  /**
   * PlaceOrder fails with UNAVAILABLE: the payment service refused the connection.
   *
   * <p>Source: Go 1.22 gRPC services with otelgrpc v0.49.0 stats handlers (SDK 1.24.0); no span
   * from payment.
   *
   * <pre>
   * oteldemo.CheckoutService/PlaceOrder                    checkout         SERVER    gRPC 14 UNAVAILABLE ERROR   0.0–42.7 ms
   * ├── prepareOrderItemsAndShippingQuoteFromCart          checkout         INTERNAL                              0.6–30.1 ms
   * │   └── oteldemo.ProductCatalogService/GetProduct      checkout         CLIENT                                1.3–12.4 ms
   * │       └── oteldemo.ProductCatalogService/GetProduct  product-catalog  SERVER                                3.1–10.9 ms
   * └── oteldemo.PaymentService/Charge                     checkout         CLIENT    gRPC 14 UNAVAILABLE ERROR  30.8–41.9 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: PlaceOrder → 14 UNAVAILABLE; root cause Charge → 14 UNAVAILABLE
   * (connection refused)"); culprit oteldemo.PaymentService/Charge in checkout.
   *
   * <p>UNAVAILABLE is a server-side fault, and otelgrpc marks it ERROR on both client and server.
   * The connection was refused, so payment never saw the call and reported no span: the client call
   * is the deepest failing span and the culprit.
   */
  static final TraceShape GRPC_UNAVAILABLE_PAYMENT =
      new TraceShape(
          "grpc-unavailable-payment",
          "Go 1.22 gRPC services with otelgrpc v0.49.0 stats handlers (SDK 1.24.0); no span from "
              + "payment",
          "usr_shape13",
          "29a402378c47b14055f84d9f03b6991e",
          Instant.parse("2026-02-06T12:48:13.380058Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "7aa31e8c3f3ae57b",
          "checkout",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "UNAVAILABLE is a server-side fault, and otelgrpc marks it ERROR on both client and"
              + " server. The connection was refused, so payment never saw the call and reported no"
              + " span: the client call is the deepest failing span and the culprit.");

  /**
   * A product page asks for a product that does not exist: product-catalog answers NOT_FOUND.
   *
   * <p>Source: OpenTelemetry demo 1.12: frontend (Next.js, Node SDK 1.26 / grpc instrumentation
   * 0.53) and product-catalog (Go, otelgrpc).
   *
   * <pre>
   * GET /api/products/[productId]                       frontend         SERVER  404                     0.0–19.6 ms
   * └── grpc.oteldemo.ProductCatalogService/GetProduct  frontend         CLIENT  gRPC 5 NOT_FOUND ERROR  2.4–11.8 ms
   *     └── oteldemo.ProductCatalogService/GetProduct   product-catalog  SERVER  gRPC 5 NOT_FOUND ERROR   4.9–9.7 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict REFUSED ("refused: GET /api/products/[productId] → 404 (product-catalog GetProduct →
   * 5 NOT_FOUND: Product Not Found: 0PUK6V6EV9)"); culprit
   * oteldemo.ProductCatalogService/GetProduct in product-catalog.
   *
   * <p>NOT_FOUND is the client's fault: the customer followed a link to a product that is gone, and
   * the frontend turned it into a 404. product-catalog's own code set the span to ERROR with the
   * reason and added an event of the same text (otelgrpc's later Unset for a server-side NOT_FOUND
   * does not override it). The reason lives on product-catalog's server span.
   */
  static final TraceShape GRPC_NOT_FOUND_PRODUCT =
      new TraceShape(
          "grpc-not-found-product",
          "OpenTelemetry demo 1.12: frontend (Next.js, Node SDK 1.26 / grpc instrumentation 0.53)"
              + " and product-catalog (Go, otelgrpc)",
          "usr_shape14",
          "36311762370d694cda65b8280fc219fa",
          Instant.parse("2026-02-06T13:02:34.784241Z"),
          "REFUSED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "fdf32f7ff8097986",
          "product-catalog",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "NOT_FOUND is the client's fault: the customer followed a link to a product that is gone,"
              + " and the frontend turned it into a 404. product-catalog's own code set the span to"
              + " ERROR with the reason and added an event of the same text (otelgrpc's later Unset"
              + " for a server-side NOT_FOUND does not override it). The reason lives on"
              + " product-catalog's server span.");

  /**
   * Checkout answers 500; the only exception is on an internal span whose status was left unset.
   *
   * <p>Source: Python 3.12 Flask 3.0 with OpenTelemetry Python SDK 1.27.0 / instrumentation 0.48b0
   * (manual span with record_exception, psycopg2).
   *
   * <pre>
   * POST /api/checkout   checkout-py  SERVER    500 ERROR                 0.0–63.5 ms
   * ├── SELECT           checkout-py  CLIENT                               2.2–8.9 ms
   * └── validate_coupon  checkout-py  INTERNAL  KeyError: 'discount_pct'  9.6–14.1 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST /api/checkout → 500; root cause validate_coupon (KeyError:
   * 'discount_pct')"); culprit validate_coupon in checkout-py.
   *
   * <p>The application wraps validate_coupon in its own span and calls span.record_exception(exc)
   * before re-raising, but never sets the status: the span stays UNSET. Flask's error handler
   * turned the KeyError into a 500, and only the server span is ERROR, with no exception of its
   * own. The exception event is the evidence: a careful engineer names validate_coupon.
   */
  static final TraceShape PYTHON_EXCEPTION_ON_UNSET_SPAN =
      new TraceShape(
          "python-exception-on-unset-span",
          "Python 3.12 Flask 3.0 with OpenTelemetry Python SDK 1.27.0 / instrumentation 0.48b0"
              + " (manual span with record_exception, psycopg2)",
          "usr_shape15",
          "43b67cc62a076092ac4a908213b0ea2e",
          Instant.parse("2026-02-06T13:16:48.147587Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "16286003835a2d46",
          "checkout-py",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The application wraps validate_coupon in its own span and calls"
              + " span.record_exception(exc) before re-raising, but never sets the status: the span"
              + " stays UNSET. Flask's error handler turned the KeyError into a 500, and only the"
              + " server span is ERROR, with no exception of its own. The exception event is the"
              + " evidence: a careful engineer names validate_coupon.");

  /**
   * The order is accepted with 202; the Kafka consumer that fulfils it fails in the same trace.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3, kafka-clients 3.7 producer,
   * spring-kafka listener, JDBC).
   *
   * <pre>
   * POST /orders                                order-api       SERVER    202                                                                              0.0–38.4 ms
   * ├── INSERT shop.orders                      order-api       CLIENT                                                                                     3.1–11.6 ms
   * └── orders publish                          order-api       PRODUCER                                                                                  12.3–35.8 ms
   *     └── orders process                      fulfilment-svc  CONSUMER  ERROR StockReservationException: SKU 8841-XL has no stock in warehouse DUB1 …  61.7–143.2 ms  ◀ culprit
   *         └── SELECT fulfilment.stock_levels  fulfilment-svc  CLIENT                                                                                   70.4–139.5 ms
   * </pre>
   *
   * <p>Verdict FAILED ("failed (after answering 202): orders process in fulfilment-svc
   * (StockReservationException)"); culprit orders process in fulfilment-svc.
   *
   * <p>The customer got 202 Accepted, but the work behind it failed: the listener threw, the agent
   * recorded the exception on the CONSUMER span and made it ERROR. With the agent's defaults (no
   * receive spans) the process span is a child of the producer span, so it is in the same trace.
   * What the customer will see is the order never shipping: a failure, asynchronous.
   */
  static final TraceShape KAFKA_CONSUMER_SAME_TRACE =
      new TraceShape(
          "kafka-consumer-same-trace",
          "OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3, kafka-clients 3.7 producer,"
              + " spring-kafka listener, JDBC)",
          "usr_shape16",
          "82c1680e24aa65f68d40b73f9d199e77",
          Instant.parse("2026-02-06T13:30:48.380623Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ true,
          /* entryMissing */ false,
          "89ea9996c9797112",
          "fulfilment-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The customer got 202 Accepted, but the work behind it failed: the listener threw, the"
              + " agent recorded the exception on the CONSUMER span and made it ERROR. With the"
              + " agent's defaults (no receive spans) the process span is a child of the producer"
              + " span, so it is in the same trace. What the customer will see is the order never"
              + " shipping: a failure, asynchronous.");

  /**
   * The order is accepted with 202; the RabbitMQ consumer runs in its own trace, linked back, and
   * fails.
   *
   * <p>Source: Node.js 20 with OpenTelemetry JS SDK 1.26 (instrumentation-http 0.53, -express 0.42,
   * -pg 0.45, -amqplib 0.42 with useLinksForConsume: true).
   *
   * <pre>
   * POST /api/orders          checkout-web  SERVER    202   0.0–27.9 ms
   * ├── pg.query:INSERT shop  checkout-web  CLIENT          4.0–10.8 ms
   * └── publish orders        checkout-web  PRODUCER       11.5–14.2 ms
   * </pre>
   *
   * <p>Linked trace ({@code *-linked.json}), times from the main trace's start:
   *
   * <pre>
   * fulfilment.orders process       fulfilment-worker  CONSUMER  ERROR                           88.0–1131.6 ms
   * ├── pg.query:SELECT fulfilment  fulfilment-worker  CLIENT                                      90.4–95.7 ms
   * └── pg.query:UPDATE fulfilment  fulfilment-worker  CLIENT    ERROR error: deadlock detected  96.3–1124.9 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed (after answering 202): linked trace fulfilment.orders process →
   * pg.query:UPDATE fulfilment (deadlock detected)"); culprit pg.query:UPDATE fulfilment in
   * fulfilment-worker.
   *
   * <p>Only the producer's trace carries user.id, so only it is found. With useLinksForConsume the
   * consumer starts a new trace whose CONSUMER span links to the publish span. The main trace alone
   * looks like a success (202, no error); following the link finds the consumer's failure, whose
   * deepest failing span is the UPDATE that hit a deadlock (pg's error name is "error").
   *
   * <p>Formats: Zipkin cannot hold a span link; the Collector's zipkin exporter keeps it as the tag
   * otlp.link.0="&lt;trace&gt;|&lt;span&gt;||{}|0", which zipkin.json has and no reader follows.
   * Jaeger shows it as a FOLLOWS_FROM reference into the producer's trace.
   */
  static final TraceShape AMQP_CONSUMER_LINKED_TRACE =
      new TraceShape(
          "amqp-consumer-linked-trace",
          "Node.js 20 with OpenTelemetry JS SDK 1.26 (instrumentation-http 0.53, -express 0.42, -pg"
              + " 0.45, -amqplib 0.42 with useLinksForConsume: true)",
          "usr_shape17",
          "c59db17bc9c0593bd4a277aaaf002efc",
          Instant.parse("2026-02-06T13:44:30.024043Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ true,
          /* entryMissing */ false,
          "3b7023b39809287a",
          "fulfilment-worker",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          "76bd24a9ac3e2dfcea06b59fe2ceb75e",
          "Only the producer's trace carries user.id, so only it is found. With useLinksForConsume"
              + " the consumer starts a new trace whose CONSUMER span links to the publish span."
              + " The main trace alone looks like a success (202, no error); following the link"
              + " finds the consumer's failure, whose deepest failing span is the UPDATE that hit a"
              + " deadlock (pg's error name is \"error\").");

  /**
   * The customer's own trace is a batch consumer that fails; its producer ran in another trace.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 (spring-kafka batch listener: a new trace whose
   * process span links to each record's producer; &#64;Scheduled producer job).
   *
   * <pre>
   * invoices process              invoice-worker  CONSUMER  ERROR InvoiceRenderException: Template 'invoice-v7' needs field vatNumber…   0.0–421.3 ms  ◀ culprit
   * ├── SELECT billing.customers  invoice-worker  CLIENT                                                                                   4.2–9.8 ms
   * └── GET                       invoice-worker  CLIENT    200                                                                         10.6–402.5 ms
   * </pre>
   *
   * <p>Linked trace ({@code *-linked.json}), times from the main trace's start:
   *
   * <pre>
   * BillingRunJob.execute  billing-scheduler  INTERNAL    -1650.0–-1437.6 ms
   * └── invoices publish   billing-scheduler  PRODUCER    -1499.0–-1491.3 ms
   * </pre>
   *
   * <p>Verdict FAILED ("failed: invoices process (InvoiceRenderException: Template 'invoice-v7'
   * needs field vatNumber …)"); culprit invoices process in invoice-worker.
   *
   * <p>Here the customer's trace is the consumer: the listener copied the record key into user.id.
   * Its CONSUMER span is the entry, ERROR with the exception, and has no failing child, so it is
   * both what the customer saw (no invoice) and the culprit. Its FOLLOWS_FROM link leads to the
   * nightly billing run that produced the record, which succeeded; following it adds context, not
   * blame.
   *
   * <p>Formats: Zipkin keeps the link only as the tag otlp.link.0 (Collector exporter); Jaeger as a
   * FOLLOWS_FROM reference into the producer's trace.
   */
  static final TraceShape KAFKA_BATCH_CONSUMER_WITH_USER =
      new TraceShape(
          "kafka-batch-consumer-with-user",
          "OpenTelemetry Java agent 2.10.0 (spring-kafka batch listener: a new trace whose process"
              + " span links to each record's producer; @Scheduled producer job)",
          "usr_shape18",
          "eaeda08e491f64abeb677f3501c718fb",
          Instant.parse("2026-02-06T13:58:35.361553Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "886a2a66079b8797",
          "invoice-worker",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          "c36fdfb8ad441371d548b99a45e654b9",
          "Here the customer's trace is the consumer: the listener copied the record key into"
              + " user.id. Its CONSUMER span is the entry, ERROR with the exception, and has no"
              + " failing child, so it is both what the customer saw (no invoice) and the culprit."
              + " Its FOLLOWS_FROM link leads to the nightly billing run that produced the record,"
              + " which succeeded; following it adds context, not blame.");

  /**
   * The gateway's entry span never arrived; of its two children one answered 503.
   *
   * <p>Source: Python 3.12 Flask services with OpenTelemetry Python SDK 1.27.0 / 0.48b0 (redis-py,
   * psycopg2); the gateway's span was dropped by its exporter.
   *
   * <pre>
   * GET /search (parent 78dba5… missing)           search-svc  SERVER  200                                                                  0.0–54.9 ms
   * └── SELECT                                     search-svc  CLIENT                                                                       1.8–48.1 ms
   * GET /recommendations (parent 78dba5… missing)  recs-svc    SERVER  503 ERROR                                                             0.4–8.7 ms
   * └── GET                                        recs-svc    CLIENT  ERROR ConnectionError: Error 111 connecting to recs-cache:6379. Co…   1.6–5.9 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("entry span missing; failed: recs-svc GET /recommendations → 503, root cause
   * GET (redis) (ConnectionError)"); culprit GET in recs-svc.
   *
   * <p>Both server spans name a parent that is not in the trace: the api-gateway's SERVER span was
   * never exported. The card must say the entry is missing and judge from what is there: one orphan
   * answered 200, the other 503 because its Redis cache refused the connection. The Redis client
   * span is the deepest failing span on the failing side.
   */
  static final TraceShape MISSING_ROOT_PARTIAL =
      new TraceShape(
          "missing-root-partial",
          "Python 3.12 Flask services with OpenTelemetry Python SDK 1.27.0 / 0.48b0 (redis-py, "
              + "psycopg2); the gateway's span was dropped by its exporter",
          "usr_shape19",
          "94007b01469f30d99a72799ec184ff29",
          Instant.parse("2026-02-06T14:12:27.239669Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ true,
          "eba830d3dda14c82",
          "recs-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Both server spans name a parent that is not in the trace: the api-gateway's SERVER span"
              + " was never exported. The card must say the entry is missing and judge from what is"
              + " there: one orphan answered 200, the other 503 because its Redis cache refused the"
              + " connection. The Redis client span is the deepest failing span on the failing"
              + " side.");

  /**
   * The page answered 200; a failing ranker call hangs below a span that was never reported.
   *
   * <p>Source: ASP.NET Core 8 with OpenTelemetry .NET 1.9.0 (web), Go otelhttp v0.49.0 (ranker);
   * recs-svc lost spans to a full export queue.
   *
   * <pre>
   * GET /                                shop-web  SERVER  200                                                                  0.0–182.4 ms
   * └── GET                              shop-web  CLIENT  200                                                                  8.2–171.6 ms
   * POST /rank (parent 98b163… missing)  ranker    SERVER  500 ERROR errorString: model snapshot 2026-02-05T23:00Z not loaded…  14.7–96.3 ms  ✗ recovered
   * </pre>
   *
   * <p>Verdict RECOVERED ("succeeded (an orphaned ranker POST /rank → 500 was absorbed)"); no
   * culprit.
   *
   * <p>RECOVERED, not SUCCEEDED: there is a real failure in the trace, but the entry answered 200
   * and recs-svc's answer to it was 200, so something above the ranker absorbed it (recs-svc fell
   * back to its popularity list; its own spans were lost, so the absorbing span cannot be seen).
   * The orphan hangs under the synthetic root. It must not turn a 200 into a failure, nor be named
   * as the culprit of a success.
   */
  static final TraceShape ORPHANED_FAILING_SUBTREE =
      new TraceShape(
          "orphaned-failing-subtree",
          "ASP.NET Core 8 with OpenTelemetry .NET 1.9.0 (web), Go otelhttp v0.49.0 (ranker);"
              + " recs-svc lost spans to a full export queue",
          "usr_shape20",
          "55f462c96331ed0d6c4098c6e1eeba74",
          Instant.parse("2026-02-06T14:26:21.077273Z"),
          "RECOVERED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          null,
          null,
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "RECOVERED, not SUCCEEDED: there is a real failure in the trace, but the entry answered"
              + " 200 and recs-svc's answer to it was 200, so something above the ranker absorbed"
              + " it (recs-svc fell back to its popularity list; its own spans were lost, so the"
              + " absorbing span cannot be seen). The orphan hangs under the synthetic root. It"
              + " must not turn a 200 into a failure, nor be named as the culprit of a success.");

  /**
   * A transfer fails in ledger-svc, whose host clock runs 80 ms behind: its span starts before its
   * caller's.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 (web) and ASP.NET Core 8 / OpenTelemetry .NET 1.9.0
   * with Npgsql 8 (ledger-svc, on a host with a skewed clock).
   *
   * <pre>
   * POST /api/transfers           transfer-api  SERVER  500 ERROR                                                                  0.0–450.6 ms
   * └── POST                      transfer-api  CLIENT  500 ERROR                                                                100.2–402.8 ms
   *     └── POST /ledger/entries  ledger-svc    SERVER  500 ERROR InvalidOperationException: Ledger account 7731-0042 is frozen   20.1–522.9 ms  ◀ culprit
   *         └── ledger            ledger-svc    CLIENT                                                                            30.0–238.4 ms
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST /api/transfers → 500; root cause ledger-svc POST
   * /ledger/entries (InvalidOperationException: Ledger account 7731-0042 is frozen)"); culprit POST
   * /ledger/entries in ledger-svc.
   *
   * <p>ledger-svc's clock is about 80 ms behind, so its server span starts 80 ms before the client
   * span that caused it; and since ASP.NET Core ends the span only after Response.OnCompleted
   * callbacks (a 200 ms audit write after the 500 was flushed), it "ends" 72 ms after the whole
   * request. Parent-child links are by ID, not by time: the culprit is still the skewed server span
   * with the exception (its query child succeeded). Time-based reasoning (critical path,
   * containment) must not drop or misplace it.
   */
  static final TraceShape CLOCK_SKEW_FAILURE =
      new TraceShape(
          "clock-skew-failure",
          "OpenTelemetry Java agent 2.10.0 (web) and ASP.NET Core 8 / OpenTelemetry .NET 1.9.0 with"
              + " Npgsql 8 (ledger-svc, on a host with a skewed clock)",
          "usr_shape21",
          "73b7c414045288391091d60a47d827a3",
          Instant.parse("2026-02-06T14:40:36.112876Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "1a7370dc778faa29",
          "ledger-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "ledger-svc's clock is about 80 ms behind, so its server span starts 80 ms before the"
              + " client span that caused it; and since ASP.NET Core ends the span only after"
              + " Response.OnCompleted callbacks (a 200 ms audit write after the 500 was flushed),"
              + " it \"ends\" 72 ms after the whole request. Parent-child links are by ID, not by"
              + " time: the culprit is still the skewed server span with the exception (its query"
              + " child succeeded). Time-based reasoning (critical path, containment) must not drop"
              + " or misplace it.");

  /**
   * The home screen calls loyalty and recommendations in parallel; both fail and the BFF answers
   * 500.
   *
   * <p>Source: Node.js 20 BFF with OpenTelemetry JS SDK 1.26 (http 0.53, express 0.42, Promise.all
   * fan-out); loyalty-svc on the Java agent 2.10.0, recs-svc on Python SDK 1.27.0.
   *
   * <pre>
   * GET /api/home                    mobile-bff   SERVER  500 ERROR Error: loyalty-svc answered 500: CircuitBreaker 'p…                      0.0–431.2 ms
   * ├── GET                          mobile-bff   CLIENT  500 ERROR                                                                           4.0–36.8 ms
   * │   └── GET /v1/points/{userId}  loyalty-svc  SERVER  500 ERROR CallNotPermittedException: CircuitBreaker 'points-db' is OPEN and does…   6.9–33.5 ms  ◀ culprit
   * └── GET                          mobile-bff   CLIENT  503 ERROR                                                                          4.3–426.9 ms
   *     └── GET /v2/home             recs-svc     SERVER  503 ERROR                                                                          8.0–424.6 ms
   *         └── HGETALL              recs-svc     CLIENT  ERROR TimeoutError: Timeout reading from recs-cache:6379                           9.9–411.0 ms  ✗ other failing branch
   * </pre>
   *
   * <p>Verdict FAILED ("failed: GET /api/home → 500; root cause loyalty-svc GET /v1/points/{userId}
   * (CallNotPermittedException); 1 other failing branch (recs-svc → 503)"); culprit GET
   * /v1/points/{userId} in loyalty-svc.
   *
   * <p>Two independent branches failed. The loyalty branch is the one a careful engineer names: it
   * failed first (33 ms, while recs was still waiting on Redis), Promise.all rejected with its
   * error, the BFF's error middleware recorded exactly that error on the entry span, and its 500
   * matches the entry's 500 (recs answered 503). The recs branch (HGETALL timed out after 400 ms)
   * is a second failure: counted and reachable, not the root cause.
   */
  static final TraceShape FANOUT_TWO_FAILURES =
      new TraceShape(
          "fanout-two-failures",
          "Node.js 20 BFF with OpenTelemetry JS SDK 1.26 (http 0.53, express 0.42, Promise.all "
              + "fan-out); loyalty-svc on the Java agent 2.10.0, recs-svc on Python SDK 1.27.0",
          "usr_shape22",
          "cce68f762b91618912d451982a997640",
          Instant.parse("2026-02-06T14:54:15.284668Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "7e50ebab0c480e5b",
          "loyalty-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Two independent branches failed. The loyalty branch is the one a careful engineer names:"
              + " it failed first (33 ms, while recs was still waiting on Redis), Promise.all"
              + " rejected with its error, the BFF's error middleware recorded exactly that error"
              + " on the entry span, and its 500 matches the entry's 500 (recs answered 503). The"
              + " recs branch (HGETALL timed out after 400 ms) is a second failure: counted and"
              + " reachable, not the root cause.");

  /**
   * An OpenTracing-era order service fails with 500 because inventory's connection pool timed out.
   *
   * <p>Source: Jaeger Java client 1.8.1 with opentracing-contrib java-web-servlet-filter and okhttp
   * (OpenTracing 0.33), reporting through jaeger-agent.
   *
   * <pre>
   * POST         legacy-orders  SERVER  500 ERROR                                                                                0.00–30.11 s
   * └── GET      legacy-orders  CLIENT  500 ERROR                                                                                0.01–30.10 s
   *     └── GET  inventory      SERVER  500 ERROR SQLTransientConnectionException: HikariPool-1 - Connection is not available,…  0.01–30.10 s  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST → 500; root cause inventory GET
   * (SQLTransientConnectionException: HikariPool-1 - Connection is not available …)"); culprit GET
   * in inventory.
   *
   * <p>Nothing here speaks OpenTelemetry: span.kind and error=true are tags, the status code is the
   * string "500", the user is enduser.id, the peer is peer.service, and the reason is an
   * OpenTracing error log (event=error, error.kind, error.object, message, stack). The Collector's
   * jaeger receiver turns error=true into status ERROR for the OTLP form. The deepest failing span,
   * inventory's server span with the error log, is the culprit.
   *
   * <p>Formats: Jaeger form is native (internal.span.format=proto); the OTLP form is the
   * Collector's jaeger receiver output (hostname→host.name,
   * jaeger.version→opencensus.exporterversion); the Zipkin form goes on through the Collector's
   * zipkin exporter.
   */
  static final TraceShape OPENTRACING_OLD_ATTRIBUTES =
      new TraceShape(
          "opentracing-old-attributes",
          "Jaeger Java client 1.8.1 with opentracing-contrib java-web-servlet-filter and okhttp "
              + "(OpenTracing 0.33), reporting through jaeger-agent",
          "usr_shape23",
          "5c096a2487e6553a75df4eb24350f55b",
          Instant.parse("2026-02-06T15:08:12.526235Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "d7b7bc829a6b2031",
          "inventory",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Nothing here speaks OpenTelemetry: span.kind and error=true are tags, the status code is"
              + " the string \"500\", the user is enduser.id, the peer is peer.service, and the"
              + " reason is an OpenTracing error log (event=error, error.kind, error.object,"
              + " message, stack). The Collector's jaeger receiver turns error=true into status"
              + " ERROR for the OTLP form. The deepest failing span, inventory's server span with"
              + " the error log, is the culprit.");

  /**
   * HotROD dispatches a car; two GetDriver calls to Redis time out and are retried successfully.
   *
   * <p>Source: Jaeger HotROD example (jaeger-client-go 2.30, OpenTracing, TChannel driver service),
   * reporting through jaeger-agent.
   *
   * <pre>
   * HTTP GET /dispatch           frontend  SERVER  200                                     0.0–890.0 ms
   * ├── HTTP GET                 frontend  CLIENT  200                                     0.5–304.0 ms
   * │   └── HTTP GET /customer   customer  SERVER  200                                     1.2–303.0 ms
   * │       └── SQL SELECT       mysql     CLIENT                                          1.6–302.0 ms
   * ├── Driver::findNearest      frontend  CLIENT                                        306.0–646.0 ms
   * │   └── Driver::findNearest  driver    SERVER  log "Retrying GetDriver after error"  307.0–645.0 ms
   * │       ├── FindDriverIDs    redis     SERVER                                        308.0–328.0 ms
   * │       ├── GetDriver ×3     redis     SERVER                                        329.0–361.1 ms
   * │       ├── GetDriver        redis     SERVER  ERROR log "redis timeout"             361.7–382.5 ms  ✗ recovered
   * │       ├── GetDriver ×4     redis     SERVER                                        383.1–426.1 ms
   * │       ├── GetDriver        redis     SERVER  ERROR log "redis timeout"             426.7–447.5 ms  ✗ recovered
   * │       └── GetDriver ×3     redis     SERVER                                        448.1–480.2 ms
   * └── HTTP GET ×10             frontend  CLIENT  200                                   647.0–864.0 ms
   *     └── HTTP GET /route      route     SERVER  200                                   647.7–698.2 ms
   * </pre>
   *
   * <p>Verdict RECOVERED ("succeeded after retrying GetDriver (redis timeout ×2)"); no culprit.
   *
   * <p>HotROD's Redis simulator fails every fifth GetDriver with error=true and a "redis timeout"
   * log; the driver service logs "Retrying GetDriver after error" and the retry succeeds. The
   * dispatch answers 200. Both failures were recovered: no culprit.
   *
   * <p>Formats: Jaeger form is native (internal.span.format=proto); user.id was added to the root
   * by the deployment (HotROD itself puts the customer in the URL). OTLP and Zipkin forms come from
   * the Collector's jaeger receiver.
   */
  static final TraceShape HOTROD_REDIS_RETRIES =
      new TraceShape(
          "hotrod-redis-retries",
          "Jaeger HotROD example (jaeger-client-go 2.30, OpenTracing, TChannel driver service), "
              + "reporting through jaeger-agent",
          "usr_shape24",
          "5b679ccf2c63c5ecd667e3f1f52262fd",
          Instant.parse("2026-02-06T15:22:42.750373Z"),
          "RECOVERED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          null,
          null,
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "HotROD's Redis simulator fails every fifth GetDriver with error=true and a \"redis"
              + " timeout\" log; the driver service logs \"Retrying GetDriver after error\" and the"
              + " retry succeeds. The dispatch answers 200. Both failures were recovered: no"
              + " culprit.");

  /**
   * HotROD dispatch is slow: the MySQL SELECT waits 1.1 s for a lock. No errors.
   *
   * <p>Source: Jaeger HotROD example (jaeger-client-go 2.30, OpenTracing), several dispatches at
   * once.
   *
   * <pre>
   * HTTP GET /dispatch           frontend  SERVER  200     0.0–1710.0 ms
   * ├── HTTP GET                 frontend  CLIENT  200     0.5–1124.0 ms
   * │   └── HTTP GET /customer   customer  SERVER  200     1.2–1123.0 ms
   * │       └── SQL SELECT       mysql     CLIENT          1.6–1122.0 ms  ◀ took the time
   * ├── Driver::findNearest      frontend  CLIENT       1126.0–1466.0 ms
   * │   └── Driver::findNearest  driver    SERVER       1127.0–1465.0 ms
   * │       ├── FindDriverIDs    redis     SERVER       1128.0–1148.0 ms
   * │       └── GetDriver ×10    redis     SERVER       1149.0–1257.4 ms
   * └── HTTP GET ×10             frontend  CLIENT  200  1467.0–1684.0 ms
   *     └── HTTP GET /route      route     SERVER  200  1467.7–1518.2 ms
   * </pre>
   *
   * <p>Verdict SUCCEEDED ("succeeded (1.7 s; SQL SELECT in mysql took 1.12 s)"); no culprit.
   *
   * <p>Nothing failed: every span answered and none carries error. The customer waited almost 2 s,
   * most of it in the mysql span, which logged "Waiting for lock behind 3 transactions" (HotROD
   * simulates a connection pool of one). The waterfall must make that bar obvious; there is no
   * culprit because there is no failure.
   *
   * <p>Formats: As HOTROD_REDIS_RETRIES.
   */
  static final TraceShape HOTROD_MYSQL_LOCK =
      new TraceShape(
          "hotrod-mysql-lock",
          "Jaeger HotROD example (jaeger-client-go 2.30, OpenTracing), several dispatches at once",
          "usr_shape25",
          "c864a833805c3b3c906f49b13ba223cd",
          Instant.parse("2026-02-06T15:36:39.137810Z"),
          "SUCCEEDED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          null,
          null,
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Nothing failed: every span answered and none carries error. The customer waited almost 2"
              + " s, most of it in the mysql span, which logged \"Waiting for lock behind 3"
              + " transactions\" (HotROD simulates a connection pool of one). The waterfall must"
              + " make that bar obvious; there is no culprit because there is no failure.");

  /**
   * With the paymentFailure flag on, checkout fails: payment's charge throws "Invalid token".
   *
   * <p>Source: OpenTelemetry demo 1.12: frontend-proxy (Envoy 1.32 OpenTelemetry tracer), frontend
   * (Next.js, JS SDK 1.26), checkout (Go, otelgrpc 0.57), cart (.NET 1.9), payment (Node.js, JS SDK
   * 1.26).
   *
   * <pre>
   * ingress                                                            frontend-proxy  SERVER    500 ERROR                                                                  0.0–141.9 ms
   * └── router frontend egress                                         frontend-proxy  CLIENT    500 ERROR                                                                  0.3–141.7 ms
   *     └── POST /api/checkout                                         frontend        SERVER    500 ERROR                                                                  1.1–140.6 ms
   *         └── executing api route (pages) /api/checkout              frontend        INTERNAL  ERROR Error: 13 INTERNAL: failed to charge card: could n…                  2.0–139.8 ms
   *             └── grpc.oteldemo.CheckoutService/PlaceOrder           frontend        CLIENT    gRPC 13 INTERNAL ERROR                                                     3.5–138.7 ms
   *                 └── oteldemo.CheckoutService/PlaceOrder            checkout        SERVER    gRPC 13 INTERNAL ERROR                                                     5.2–136.9 ms
   *                     ├── prepareOrderItemsAndShippingQuoteFromCart  checkout        INTERNAL                                                                              5.6–60.7 ms
   *                     │   └── oteldemo.CartService/GetCart           checkout        CLIENT                                                                                6.0–14.8 ms
   *                     │       └── oteldemo.CartService/GetCart       cart            SERVER    200                                                                         7.4–13.6 ms
   *                     └── oteldemo.PaymentService/Charge             checkout        CLIENT    gRPC 2 UNKNOWN ERROR                                                      61.4–136.1 ms
   *                         └── grpc.oteldemo.PaymentService/Charge    payment         SERVER    gRPC 2 UNKNOWN ERROR Error: Payment request failed. Invalid token. app.…  63.0–134.8 ms
   *                             └── charge                             payment         INTERNAL  ERROR Error: Payment request failed. Invalid token. app.…                 64.1–133.6 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST /api/checkout → 500; root cause payment charge (Payment
   * request failed. Invalid token. app.loyalty.level=gold)"); culprit charge in payment.
   *
   * <p>The failure travels up five services: payment's charge span throws (ERROR with the message
   * and an exception event), payment's gRPC server span answers UNKNOWN (2), checkout turns it into
   * INTERNAL (13) for PlaceOrder, the frontend answers 500, and the proxy passes the 500 on. Every
   * span on the way is ERROR; the deepest one with no failing child is charge.
   *
   * <p>Formats: user.id is on the frontend's span (the proxy cannot know the user); the proxy's
   * spans come from Envoy's OpenTelemetry tracer, which reports status ERROR for 5xx.
   */
  static final TraceShape OTEL_DEMO_PAYMENT_FAILURE =
      new TraceShape(
          "otel-demo-payment-failure",
          "OpenTelemetry demo 1.12: frontend-proxy (Envoy 1.32 OpenTelemetry tracer), frontend"
              + " (Next.js, JS SDK 1.26), checkout (Go, otelgrpc 0.57), cart (.NET 1.9), payment"
              + " (Node.js, JS SDK 1.26)",
          "usr_shape26",
          "ff053daec7aca71b05798c87177c2f92",
          Instant.parse("2026-02-06T15:50:48.506388Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "656ea695b70601bb",
          "payment",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The failure travels up five services: payment's charge span throws (ERROR with the"
              + " message and an exception event), payment's gRPC server span answers UNKNOWN (2),"
              + " checkout turns it into INTERNAL (13) for PlaceOrder, the frontend answers 500,"
              + " and the proxy passes the 500 on. Every span on the way is ERROR; the deepest one"
              + " with no failing child is charge.");

  /**
   * With the adServiceFailure flag on, GetAds fails with UNAVAILABLE; the page renders without ads.
   *
   * <p>Source: OpenTelemetry demo 1.12: frontend (Next.js, JS SDK 1.26), ad (Java agent 2.10.0,
   * grpc-1.6).
   *
   * <pre>
   * GET /api/data                       frontend  SERVER  200                                                            0.0–24.3 ms
   * └── grpc.oteldemo.AdService/GetAds  frontend  CLIENT  gRPC 14 UNAVAILABLE ERROR                                      1.9–17.2 ms  ✗ recovered
   *     └── oteldemo.AdService/GetAds   ad        SERVER  gRPC 14 UNAVAILABLE ERROR StatusRuntimeException: UNAVAILABLE  4.6–15.0 ms  ✗ recovered
   * </pre>
   *
   * <p>Verdict RECOVERED ("succeeded (ad GetAds → 14 UNAVAILABLE was absorbed; the page rendered
   * without ads)"); no culprit.
   *
   * <p>The ad service threw UNAVAILABLE and both gRPC spans are ERROR, but the frontend treats ads
   * as optional: it logged the error and answered 200 with an empty ad list. The failure was
   * absorbed by a successful parent, so the verdict is recovered and nothing is a culprit.
   */
  static final TraceShape OTEL_DEMO_AD_FAILURE =
      new TraceShape(
          "otel-demo-ad-failure",
          "OpenTelemetry demo 1.12: frontend (Next.js, JS SDK 1.26), ad (Java agent 2.10.0,"
              + " grpc-1.6)",
          "usr_shape27",
          "4fc9069419b31c393bfc20bc203045a1",
          Instant.parse("2026-02-06T16:04:05.317968Z"),
          "RECOVERED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          null,
          null,
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The ad service threw UNAVAILABLE and both gRPC spans are ERROR, but the frontend treats"
              + " ads as optional: it logged the error and answered 200 with an empty ad list. The"
              + " failure was absorbed by a successful parent, so the verdict is recovered and"
              + " nothing is a culprit.");

  /**
   * With the cartServiceFailure flag on, emptying the cart fails: cart cannot reach Redis.
   *
   * <p>Source: OpenTelemetry demo 1.12: frontend (Next.js, JS SDK 1.26), cart (.NET 8 gRPC with
   * OpenTelemetry .NET 1.9, StackExchange.Redis).
   *
   * <pre>
   * DELETE /api/cart                             frontend  SERVER    500 ERROR                                                                                        0.0–5022.7 ms
   * └── executing api route (pages) /api/cart    frontend  INTERNAL  ERROR Error: 9 FAILED_PRECONDITION: Can't access cart st…                                        0.8–5021.9 ms
   *     └── grpc.oteldemo.CartService/EmptyCart  frontend  CLIENT    gRPC 9 FAILED_PRECONDITION ERROR                                                                 1.5–5020.8 ms
   *         └── oteldemo.CartService/EmptyCart   cart      SERVER    200 gRPC 9 FAILED_PRECONDITION ERROR RpcException: Status(StatusCode="FailedPrecondition", Det…  3.2–5019.1 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: DELETE /api/cart → 500; root cause cart EmptyCart → 9
   * FAILED_PRECONDITION (Wasn't able to connect to redis)"); culprit oteldemo.CartService/EmptyCart
   * in cart.
   *
   * <p>The flag swaps in a cart store pointed at a bad Redis address; connecting retries for 5 s,
   * then the store throws and the service answers FAILED_PRECONDITION. That gRPC code is nominally
   * the client's fault, but here it wraps a server fault, and what the customer saw is the
   * frontend's 500: the verdict follows the entry. No Redis command was ever sent, so the deepest
   * failing span is cart's server span, which carries the exception.
   */
  static final TraceShape OTEL_DEMO_CART_FAILURE =
      new TraceShape(
          "otel-demo-cart-failure",
          "OpenTelemetry demo 1.12: frontend (Next.js, JS SDK 1.26), cart (.NET 8 gRPC with "
              + "OpenTelemetry .NET 1.9, StackExchange.Redis)",
          "usr_shape28",
          "8e9a1a95ad8fcf46ea3ca4885ad607fb",
          Instant.parse("2026-02-06T16:18:16.259141Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "3133c665ce876574",
          "cart",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The flag swaps in a cart store pointed at a bad Redis address; connecting retries for 5"
              + " s, then the store throws and the service answers FAILED_PRECONDITION. That gRPC"
              + " code is nominally the client's fault, but here it wraps a server fault, and what"
              + " the customer saw is the frontend's 500: the verdict follows the entry. No Redis"
              + " command was ever sent, so the deepest failing span is cart's server span, which"
              + " carries the exception.");

  /**
   * An invoice request throws InvalidOperationException in the handler after its query succeeded.
   *
   * <p>Source: ASP.NET Core 8 minimal API with OpenTelemetry .NET 1.9.0 (AspNetCore
   * RecordException=true, SqlClient 1.9.0-beta.1 with SetDbStatementForText).
   *
   * <pre>
   * GET /api/orders/{id}/invoice  orders-api  SERVER  500 ERROR InvalidOperationException: Sequence contains no elements  0.0–84.6 ms  ◀ culprit
   * └── OrdersDb                  orders-api  CLIENT                                                                      3.1–79.8 ms
   * </pre>
   *
   * <p>Verdict FAILED ("failed: GET /api/orders/{id}/invoice → 500 (InvalidOperationException:
   * Sequence contains no elements)"); culprit GET /api/orders/{id}/invoice in orders-api.
   *
   * <p>The only failing span is the entry itself: the handler threw after its SQL query succeeded
   * (the order had no lines, and .First() threw). ASP.NET Core instrumentation marked the server
   * span ERROR with error.type and, with RecordException, the exception event. The culprit is the
   * entry; a rule that only looks for failing children would find none.
   */
  static final TraceShape DOTNET_UNHANDLED_EXCEPTION =
      new TraceShape(
          "dotnet-unhandled-exception",
          "ASP.NET Core 8 minimal API with OpenTelemetry .NET 1.9.0 (AspNetCore"
              + " RecordException=true, SqlClient 1.9.0-beta.1 with SetDbStatementForText)",
          "usr_shape29",
          "3e278258fd364c3d97801cb920cb9269",
          Instant.parse("2026-02-06T16:32:22.851625Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "e04e44e05667082c",
          "orders-api",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The only failing span is the entry itself: the handler threw after its SQL query"
              + " succeeded (the order had no lines, and .First() threw). ASP.NET Core"
              + " instrumentation marked the server span ERROR with error.type and, with"
              + " RecordException, the exception event. The culprit is the entry; a rule that only"
              + " looks for failing children would find none.");

  /**
   * An address update is refused with 400 by request validation; nothing failed.
   *
   * <p>Source: Node.js 20 Express 4.21 with OpenTelemetry JS SDK 1.26 (instrumentation-http 0.53,
   * -express 0.42).
   *
   * <pre>
   * PATCH /api/users/me/address                  account-api  SERVER    400  0.0–6.8 ms  ◀ culprit
   * ├── middleware - query                       account-api  INTERNAL       0.4–0.4 ms
   * ├── middleware - expressInit                 account-api  INTERNAL       0.6–0.6 ms
   * ├── middleware - jsonParser                  account-api  INTERNAL       0.8–1.4 ms
   * ├── middleware - authenticate                account-api  INTERNAL       1.5–3.6 ms
   * └── request handler - /api/users/me/address  account-api  INTERNAL       3.8–5.7 ms
   * </pre>
   *
   * <p>Verdict REFUSED ("refused: PATCH /api/users/me/address → 400 Bad Request"); culprit PATCH
   * /api/users/me/address in account-api.
   *
   * <p>A 400 from the server itself: the handler's schema check rejected the postcode and answered
   * 400 without throwing, so there is no exception and no ERROR anywhere (semantic conventions
   * leave server 4xx unset). The customer was refused; the entry is the only span that can explain
   * it.
   */
  static final TraceShape EXPRESS_400_VALIDATION =
      new TraceShape(
          "express-400-validation",
          "Node.js 20 Express 4.21 with OpenTelemetry JS SDK 1.26 (instrumentation-http 0.53,"
              + " -express 0.42)",
          "usr_shape30",
          "7ed27bb62235225a41b508603e0b59fb",
          Instant.parse("2026-02-06T16:46:20.608153Z"),
          "REFUSED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "cc3d2e10c8dd661a",
          "account-api",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "A 400 from the server itself: the handler's schema check rejected the postcode and"
              + " answered 400 without throwing, so there is no exception and no ERROR anywhere"
              + " (semantic conventions leave server 4xx unset). The customer was refused; the"
              + " entry is the only span that can explain it.");

  /**
   * An order insert fails: PostgreSQL closed the connection; Flask answers 500.
   *
   * <p>Source: Python 3.12 Flask 3.0, SQLAlchemy 2.0 over psycopg2 2.9, OpenTelemetry Python SDK
   * 1.27.0 / instrumentation 0.48b0 (flask, sqlalchemy).
   *
   * <pre>
   * POST /api/orders  orders-py  SERVER  500 ERROR                                                             0.0–27.4 ms
   * ├── SELECT shop   orders-py  CLIENT                                                                         2.0–4.7 ms
   * └── INSERT shop   orders-py  CLIENT  ERROR OperationalError: server closed the connection unexpectedly T…  5.3–21.9 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict FAILED ("failed: POST /api/orders → 500; root cause INSERT shop (OperationalError:
   * server closed the connection unexpectedly)"); culprit INSERT shop in orders-py.
   *
   * <p>The database span is ERROR with psycopg2's OperationalError as status description and
   * exception event (Python writes the class's short name, OperationalError, as exception.type).
   * Flask's server span is ERROR only because of the 500. The DB span is the deepest failing span.
   */
  static final TraceShape FLASK_PSYCOPG2_OPERATIONAL_ERROR =
      new TraceShape(
          "flask-psycopg2-operational-error",
          "Python 3.12 Flask 3.0, SQLAlchemy 2.0 over psycopg2 2.9, OpenTelemetry Python SDK 1.27.0"
              + " / instrumentation 0.48b0 (flask, sqlalchemy)",
          "usr_shape31",
          "4a5ca5a9b2d6ed302452d85f7793ca04",
          Instant.parse("2026-02-06T17:00:18.094063Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "a3fcf88b9c8b3411",
          "orders-py",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "The database span is ERROR with psycopg2's OperationalError as status description and"
              + " exception event (Python writes the class's short name, OperationalError, as"
              + " exception.type). Flask's server span is ERROR only because of the 500. The DB"
              + " span is the deepest failing span.");

  /**
   * The edge gateway's rate-limit filter refuses a search with 429; no upstream is called.
   *
   * <p>Source: Envoy 1.31 edge gateway, Zipkin tracer, local rate-limit filter, custom tag user.id
   * from x-user-id.
   *
   * <pre>
   * api.shop.example  edge-gateway  SERVER  429 RL  0.0–0.4 ms  ◀ culprit
   * </pre>
   *
   * <p>Verdict REFUSED ("refused: GET /api/v1/search → 429 Too Many Requests (rate limited at the
   * edge, response_flags=RL)"); culprit api.shop.example in edge-gateway.
   *
   * <p>A one-span trace: Envoy answered locally. 429 is a refusal, not a failure; Envoy sets
   * error=true only for 5xx or no response, so no span is failing. The reason is in the span's own
   * tags (response_flags=RL, no upstream_address), so the culprit is the entry.
   */
  static final TraceShape ENVOY_429_RATE_LIMITED =
      new TraceShape(
          "envoy-429-rate-limited",
          "Envoy 1.31 edge gateway, Zipkin tracer, local rate-limit filter, custom tag user.id from"
              + " x-user-id",
          "usr_shape32",
          "818ee285c5487f22496c0f71fe539fc4",
          Instant.parse("2026-02-06T17:14:48.576851Z"),
          "REFUSED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "4b9c1e2924878da2",
          "edge-gateway",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "A one-span trace: Envoy answered locally. 429 is a refusal, not a failure; Envoy sets"
              + " error=true only for 5xx or no response, so no span is failing. The reason is in"
              + " the span's own tags (response_flags=RL, no upstream_address), so the culprit is"
              + " the entry.");

  /**
   * The customer's browser gives up on an export after 60 s (nginx logs 499); the upstream takes 96
   * s.
   *
   * <p>Source: ingress-nginx 1.11 with the OpenTelemetry module (otel-nginx, old HTTP attributes,
   * span attribute user.id from a header) in front of a Flask app on OpenTelemetry Python SDK
   * 1.27.0.
   *
   * <pre>
   * HTTP GET                     ingress-nginx  SERVER  499  0.00–60.00 s
   * └── GET /api/exports/&lt;name&gt;  export-svc     SERVER  200  0.00–95.91 s  ◀ culprit
   *     └── SELECT               export-svc     CLIENT        0.00–0.31 s
   * </pre>
   *
   * <p>Verdict FAILED ("failed (timed out): GET /api/exports/2025.csv, the client closed the
   * connection after 60.0 s (499); the time went to export-svc GET /api/exports/&lt;name&gt; (95.9
   * s)"); culprit GET /api/exports/&lt;name&gt; in export-svc.
   *
   * <p>499 is nginx's code for "the client closed the connection": nginx logged it after the
   * browser gave up at 60 s. It is a 4xx by number but a hang by meaning, and the module leaves it
   * unset. The upstream ran 95.9 s and its only child, the query, took 0.3 s: the time went into
   * the handler itself (fetching 1.8 M rows and writing CSV in Python, which has no spans), so
   * following the time down stops at the upstream server span.
   */
  static final TraceShape NGINX_499_SLOW_UPSTREAM =
      new TraceShape(
          "nginx-499-slow-upstream",
          "ingress-nginx 1.11 with the OpenTelemetry module (otel-nginx, old HTTP attributes, span"
              + " attribute user.id from a header) in front of a Flask app on OpenTelemetry Python"
              + " SDK 1.27.0",
          "usr_shape33",
          "8708c2477a3c1e0d5d16234d09c1fa6f",
          Instant.parse("2026-02-06T17:28:28.533635Z"),
          "FAILED",
          /* timedOut */ true,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "c7a6230b52083b00",
          "export-svc",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "499 is nginx's code for \"the client closed the connection\": nginx logged it after the"
              + " browser gave up at 60 s. It is a 4xx by number but a hang by meaning, and the"
              + " module leaves it unset. The upstream ran 95.9 s and its only child, the query,"
              + " took 0.3 s: the time went into the handler itself (fetching 1.8 M rows and"
              + " writing CSV in Python, which has no spans), so following the time down stops at"
              + " the upstream server span.");

  /**
   * The entry fails by its own exception; the only other failure is a Redis error absorbed under an
   * explicitly OK span.
   *
   * <p>Source: OpenTelemetry Java agent 2.10.0 (account-api); Go prefs-svc with otelhttp v0.49.0,
   * go-redis v9 redisotel and XSAM/otelsql, which sets its server span status to OK explicitly.
   *
   * <pre>
   * PUT /api/accounts/{id}/preferences  account-api  SERVER  500 ERROR InvalidDefinitionException: Java 8 date/time type `java.time.Instant` n…   0.0–71.9 ms  ◀ culprit
   * └── GET                             account-api  CLIENT  200                                                                                  3.0–66.2 ms
   *     └── GET /prefs/{id}             prefs-svc    SERVER  200 OK                                                                               4.8–64.5 ms
   *         ├── get                     prefs-svc    CLIENT  ERROR errorString: redis: connection pool timeout                                    5.6–36.1 ms  ✗ recovered
   *         └── sql.conn.query          prefs-svc    CLIENT                                                                                      36.9–61.8 ms
   * </pre>
   *
   * <p>Verdict FAILED ("failed: PUT /api/accounts/{id}/preferences → 500
   * (InvalidDefinitionException: Java 8 date/time type `java.time.Instant` not supported by default
   * …)"); culprit PUT /api/accounts/{id}/preferences in account-api.
   *
   * <p>Two failures, one of them irrelevant. The Redis read in prefs-svc failed, but prefs-svc fell
   * back to the database and set its own server span to OK explicitly, and answered 200: that
   * failure was absorbed and cannot be the culprit. The entry then failed on its own, serialising
   * the response (jackson cannot write java.time.Instant without the JSR-310 module). The deepest
   * failing span with no failing child is the entry itself, and its exception says why.
   */
  static final TraceShape ABSORBED_UNDER_OK_ENTRY_OWN_ERROR =
      new TraceShape(
          "absorbed-under-ok-entry-own-error",
          "OpenTelemetry Java agent 2.10.0 (account-api); Go prefs-svc with otelhttp v0.49.0,"
              + " go-redis v9 redisotel and XSAM/otelsql, which sets its server span status to OK"
              + " explicitly",
          "usr_shape34",
          "81b8adaef78aed3195d88060989e2944",
          Instant.parse("2026-02-06T17:42:50.876422Z"),
          "FAILED",
          /* timedOut */ false,
          /* asynchronous */ false,
          /* entryMissing */ false,
          "645c9893b107ffd2",
          "account-api",
          null,
          Set.of("otlp", "jaeger", "zipkin"),
          null,
          "Two failures, one of them irrelevant. The Redis read in prefs-svc failed, but prefs-svc"
              + " fell back to the database and set its own server span to OK explicitly, and"
              + " answered 200: that failure was absorbed and cannot be the culprit. The entry then"
              + " failed on its own, serialising the response (jackson cannot write"
              + " java.time.Instant without the JSR-310 module). The deepest failing span with no"
              + " failing child is the entry itself, and its exception says why.");

  /** Returns every shape, in catalogue order. */
  static List<TraceShape> all() {
    return List.of(
        WRITE_UP_PAYMENT_502,
        REDIS_TIMEOUT_RETRIED,
        OKHTTP_503_RESEND,
        GO_RETRIES_EXHAUSTED,
        RECOVERED_RETRY_AND_REAL_FAILURE,
        CONFLICT_409_ORDER_EXISTS,
        PAYMENT_DECLINED_402,
        BRAVE_404_ABSORBED,
        BRAVE_500_END_TO_END,
        GATEWAY_504_HUNG_QUERY,
        ISTIO_EGRESS_TIMEOUT,
        GO_CONTEXT_CANCELED,
        GRPC_UNAVAILABLE_PAYMENT,
        GRPC_NOT_FOUND_PRODUCT,
        PYTHON_EXCEPTION_ON_UNSET_SPAN,
        KAFKA_CONSUMER_SAME_TRACE,
        AMQP_CONSUMER_LINKED_TRACE,
        KAFKA_BATCH_CONSUMER_WITH_USER,
        MISSING_ROOT_PARTIAL,
        ORPHANED_FAILING_SUBTREE,
        CLOCK_SKEW_FAILURE,
        FANOUT_TWO_FAILURES,
        OPENTRACING_OLD_ATTRIBUTES,
        HOTROD_REDIS_RETRIES,
        HOTROD_MYSQL_LOCK,
        OTEL_DEMO_PAYMENT_FAILURE,
        OTEL_DEMO_AD_FAILURE,
        OTEL_DEMO_CART_FAILURE,
        DOTNET_UNHANDLED_EXCEPTION,
        EXPRESS_400_VALIDATION,
        FLASK_PSYCOPG2_OPERATIONAL_ERROR,
        ENVOY_429_RATE_LIMITED,
        NGINX_499_SLOW_UPSTREAM,
        ABSORBED_UNDER_OK_ENTRY_OWN_ERROR);
  }
}
