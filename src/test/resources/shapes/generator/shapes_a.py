"""Shapes 1-12: HTTP services, retries, 4xx with reasons, Brave, hung and cancelled calls."""

from attrs import (UA_IOS, aspnet_server, flask_server, go_client, go_server, httpclient_dotnet,
                   java_client, java_server, jdbc, redis_py)
from model import (PY, Shape, dotnet, dotnet_exception, go, java, java_exception, jscope, python,
                   python_exception)
from wire import Res

S, C, I, P, K = "SERVER", "CLIENT", "INTERNAL", "PRODUCER", "CONSUMER"


def ERR(message=""):
    return ("ERROR", message)


def write_up_payment_502():
    sh = Shape(1, "write-up-payment-502", "WRITE_UP_PAYMENT_502",
               "The write-up's case: an order fails because payment-svc answered 502 when the payment "
               "gateway refused the connection.",
               "OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3 on Tomcat 10, JDK HttpClient, @WithSpan)",
               "usr_shape01")
    t = sh.trace
    api = java(sh, "order-api", "6c9d7f5b8-q2xkp", "2.14.0")
    inv = java(sh, "inventory-svc", "85d4c6b9f-m7tzr", "1.31.2")
    root = t.span(api, S, "POST /api/v1/orders", 0, 1903.4, scope=jscope("tomcat-10.0"),
                  attrs=java_server("POST", "/api/v1/orders", "/api/v1/orders", 500, "10.42.7.19",
                                    "order-api.shop.svc.cluster.local") + [("user.id", sh.user)],
                  status=ERR())
    ann = jscope("opentelemetry-instrumentation-annotations-1.16")
    t.span(api, I, "order.validate", 11.2, 57.9, root, scope=ann,
           attrs=[("code.function", "validate"), ("code.namespace", "com.acme.orders.OrderValidator"),
                  ("user.id", sh.user)])
    stock = t.span(api, I, "inventory.check_stock", 58.6, 231.0, root, scope=ann,
                   attrs=[("code.function", "checkStock"), ("code.namespace", "com.acme.orders.InventoryClient")])
    get = t.span(api, C, "GET", 60.1, 229.7, stock, scope=jscope("java-http-client"),
                 attrs=java_client("GET", "http://inventory-svc:8080/api/v1/stock/SKU-88412?qty=2", 200,
                                   "inventory-svc"))
    t.span(inv, S, "GET /api/v1/stock/{sku}", 63.8, 226.2, get, scope=jscope("tomcat-10.0"),
           attrs=java_server("GET", "/api/v1/stock/SKU-88412", "/api/v1/stock/{sku}", 200, "10.42.7.31",
                             "inventory-svc"))
    message = ("POST http://payment-svc:8080/charge returned 502 Bad Gateway: "
               "ConnectionRefusedError: payment gateway timeout")
    charge = t.span(api, I, "payment.process_charge", 232.4, 1889.0, root, scope=ann, status=ERR(message),
                    attrs=[("code.function", "processCharge"),
                           ("code.namespace", "com.acme.orders.payment.PaymentService")],
                    events=[java_exception(t, 1888.2, "com.acme.orders.payment.PaymentGatewayException", message, [
                        "com.acme.orders.payment.PaymentClient.charge(PaymentClient.java:88)",
                        "com.acme.orders.payment.PaymentService.processCharge(PaymentService.java:41)",
                        "com.acme.orders.OrderService.placeOrder(OrderService.java:73)",
                        "com.acme.orders.web.OrderController.create(OrderController.java:36)"])])
    post = t.span(api, C, "POST", 234.0, 1886.5, charge, scope=jscope("java-http-client"), status=ERR(),
                  attrs=java_client("POST", "http://payment-svc:8080/charge", 502, "payment-svc"))
    sh.expect("FAILED", post,
              text='failed: POST /api/v1/orders → 500; root cause POST payment-svc/charge → 502',
              notes="The deepest failing span with no failing child is the HTTP client call that got the 502; "
                    "payment-svc sits behind a gateway adapter that is not traced, so nothing below it was "
                    "reported. The exception that names the refused connection is on its parent "
                    "payment.process_charge, where @WithSpan records what the method threw: the Java agent never "
                    "puts an application exception on the HTTP client span itself. A careful engineer names the "
                    "call and quotes the parent's exception.")
    return sh


def redis_timeout_retried():
    sh = Shape(2, "redis-timeout-retried", "REDIS_TIMEOUT_RETRIED",
               "A Redis read times out twice; the third try succeeds and the cart answers 200.",
               "Python 3.12 Flask 3.0, redis-py 5.0, OpenTelemetry Python SDK 1.27.0 / instrumentation 0.48b0; "
               "retries by tenacity in the application",
               "usr_shape02")
    t = sh.trace
    cart = python(sh, "cart-svc", "7f9c4d8b6-w4lzn")
    flask = ("opentelemetry.instrumentation.flask", PY)
    red = ("opentelemetry.instrumentation.redis", PY)
    root = t.span(cart, S, "GET /api/cart", 0, 47.8, scope=flask,
                  attrs=flask_server("GET", "/api/cart", "/api/cart", 200, "cart-svc", "10.42.2.9")
                  + [("user.id", sh.user)])
    frames = [("/app/cart/store.py", 41, "load_cart", "raw = self._redis.get(f\"cart:{user_id}\")"),
              ("/usr/local/lib/python3.12/site-packages/redis/commands/core.py", 1829, "get",
               "return self.execute_command(\"GET\", name, keys=[name])"),
              ("/usr/local/lib/python3.12/site-packages/redis/connection.py", 541, "read_response",
               "raise TimeoutError(f\"Timeout reading from {host_error}\")")]
    failed = []
    start = 1.9
    for _ in range(2):
        message = "Timeout reading from redis-cart:6379"
        failed.append(t.span(cart, C, "GET", start, start + 10.1, root, scope=red,
                             attrs=redis_py("GET ?"), status=ERR("TimeoutError: " + message),
                             events=[python_exception(t, start + 10.0, "TimeoutError", message, frames,
                                                      "redis.exceptions.TimeoutError")]))
        start += 10.1 + 4.0  # tenacity wait_fixed(0.004)
    t.span(cart, C, "GET", start, start + 1.8, root, scope=red, attrs=redis_py("GET ?"))
    sh.expect("RECOVERED", None, recovered=failed,
              text='succeeded after retrying GET (redis) (TimeoutError ×2)',
              notes="The entry answered 200 and the last of three identical Redis reads succeeded: the two "
                    "timeouts were retried by the application, so they explain latency, not a failure. Nothing "
                    "is a culprit of a success.")
    return sh


def okhttp_503_resend():
    sh = Shape(3, "okhttp-503-resend", "OKHTTP_503_RESEND",
               "A price lookup gets 503 with Retry-After: 0; OkHttp resends it, the resend gets 200.",
               "OpenTelemetry Java agent 2.10.0 (OkHttp 4.12 resend spans with http.request.resend_count)",
               "usr_shape03")
    t = sh.trace
    cat = java(sh, "catalog-api", "5b7f8c9d4-h8vqs", "4.2.1")
    price = java(sh, "pricing-svc", "69f8d7c5b-2xjwl", "1.77.0")
    root = t.span(cat, S, "GET /api/v1/products/{id}/price", 0, 96.2, scope=jscope("tomcat-10.0"),
                  attrs=java_server("GET", "/api/v1/products/P-20931/price", "/api/v1/products/{id}/price", 200,
                                    "10.42.1.4", "catalog-api", ua=UA_IOS) + [("user.id", sh.user)])
    url = "http://pricing-svc:8080/v2/prices/P-20931?currency=EUR"
    first = t.span(cat, C, "GET", 3.2, 41.7, root, scope=jscope("okhttp-3.0"), status=ERR(),
                   attrs=java_client("GET", url, 503, "pricing-svc", proto="1.1"))
    shed = t.span(price, S, "GET /v2/prices/{productId}", 5.1, 39.8, first, scope=jscope("tomcat-10.0"),
                  status=ERR(), attrs=java_server("GET", "/v2/prices/P-20931", "/v2/prices/{productId}", 503,
                                                  "10.42.1.17", "pricing-svc"))
    second = t.span(cat, C, "GET", 42.3, 93.1, root, scope=jscope("okhttp-3.0"),
                    attrs=java_client("GET", url, 200, "pricing-svc", resend=1))
    t.span(price, S, "GET /v2/prices/{productId}", 44.0, 91.0, second, scope=jscope("tomcat-10.0"),
           attrs=java_server("GET", "/v2/prices/P-20931", "/v2/prices/{productId}", 200, "10.42.1.17",
                             "pricing-svc"))
    sh.expect("RECOVERED", None, recovered=[first, shed],
              text='succeeded after retrying GET pricing-svc (503)',
              notes="pricing-svc shed load with 503 and Retry-After: 0, which OkHttp's RetryAndFollowUpInterceptor "
                    "honours by resending at once; the agent records each attempt as its own client span and marks "
                    "the resend with http.request.resend_count=1. The resend got 200 and the entry answered 200, "
                    "so both the failed attempt and the 503 server span under it were recovered.")
    return sh


def go_retries_exhausted():
    sh = Shape(4, "go-retries-exhausted", "GO_RETRIES_EXHAUSTED",
               "Three attempts to reserve stock all get 503; the gateway gives up and answers 502.",
               "Go 1.22 net/http with go.opentelemetry.io/contrib otelhttp v0.49.0 (SDK 1.24.0), retry loop "
               "with backoff in the application",
               "usr_shape04")
    t = sh.trace
    gw = go(sh, "order-gateway", "64b9c7d5f-zr2mt")
    http = ("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "0.49.0")
    root = t.span(gw, S, "POST /orders", 0, 1412.6, scope=http, status=ERR(),
                  attrs=go_server("POST", "/orders", 502, "order-gateway", "10.42.5.3", route="/orders")
                  + [("http.response_content_length", 56), ("user.id", sh.user)])
    attempts = []
    start = 2.4
    for backoff in (200.0, 400.0, None):
        attempts.append(t.span(gw, C, "HTTP POST", start, start + 3.6, root, scope=http, status=ERR(),
                               attrs=go_client("POST", "http://inventory.shop.svc.cluster.local/v1/reservations",
                                               503, "inventory.shop.svc.cluster.local", 80)))
        start += 3.6 + (backoff or 0)
    sh.expect("FAILED", attempts[-1], recovered=attempts[:2],
              text='failed: POST /orders → 502; root cause HTTP POST inventory → 503 (3 attempts)',
              notes="Every attempt failed, so the retries did not recover anything: the customer saw the 502. "
                    "inventory had no ready endpoints during a rollout and its ingress answered the 503s itself, so "
                    "there are no inventory spans. The last attempt is the one whose failure the gateway passed on; "
                    "the earlier two are the same failure repeated, counted but not named.")
    return sh


def recovered_retry_and_real_failure():
    sh = Shape(5, "recovered-retry-and-real-failure", "RECOVERED_RETRY_AND_REAL_FAILURE",
               "A profile lookup is retried successfully, then the tax quote fails for real and checkout answers 500.",
               "OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3, OkHttp 4.12 resends, JDK HttpClient)",
               "usr_shape05")
    t = sh.trace
    api = java(sh, "checkout-api", "7c8d9f6b5-k3nwq", "5.0.3")
    prof = java(sh, "profile-svc", "59c7b8d6f-pq4ht", "3.9.0")
    tax = java(sh, "tax-svc", "6f5d8c7b9-lm2vd", "0.42.1")
    root = t.span(api, S, "POST /api/checkout", 0, 612.7, scope=jscope("tomcat-10.0"), status=ERR(),
                  attrs=java_server("POST", "/api/checkout", "/api/checkout", 500, "10.42.6.2", "checkout-api")
                  + [("user.id", sh.user)])
    url = "http://profile-svc:8080/internal/profiles/" + sh.user
    first = t.span(api, C, "GET", 4.1, 35.6, root, scope=jscope("okhttp-3.0"), status=ERR(),
                   attrs=java_client("GET", url, 503, "profile-svc"))
    shed = t.span(prof, S, "GET /internal/profiles/{id}", 6.0, 33.9, first, scope=jscope("tomcat-10.0"),
                  status=ERR(), attrs=java_server("GET", "/internal/profiles/" + sh.user, "/internal/profiles/{id}",
                                                  503, "10.42.6.11", "profile-svc"))
    second = t.span(api, C, "GET", 36.2, 71.4, root, scope=jscope("okhttp-3.0"),
                    attrs=java_client("GET", url, 200, "profile-svc", resend=1))
    t.span(prof, S, "GET /internal/profiles/{id}", 38.0, 69.6, second, scope=jscope("tomcat-10.0"),
           attrs=java_server("GET", "/internal/profiles/" + sh.user, "/internal/profiles/{id}", 200, "10.42.6.11",
                             "profile-svc"))
    quote = t.span(api, C, "POST", 73.0, 601.5, root, scope=jscope("java-http-client"), status=ERR(),
                   attrs=java_client("POST", "http://tax-svc:8080/v1/quote", 500, "tax-svc"))
    message = "No tax rate configured for region 'PR' and product class 'DIGITAL'"
    failing = t.span(tax, S, "POST /v1/quote", 75.9, 598.8, quote, scope=jscope("tomcat-10.0"), status=ERR(),
                     attrs=java_server("POST", "/v1/quote", "/v1/quote", 500, "10.42.6.23", "tax-svc",
                                       error_type="java.lang.IllegalArgumentException"),
                     events=[java_exception(t, 598.1, "java.lang.IllegalArgumentException", message, [
                         "com.acme.tax.rates.RateTable.rateFor(RateTable.java:57)",
                         "com.acme.tax.QuoteService.quote(QuoteService.java:33)",
                         "com.acme.tax.web.QuoteController.quote(QuoteController.java:24)",
                         "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)"])])
    t.span(tax, C, "SELECT tax.rates", 80.2, 594.0, failing, scope=jscope("jdbc"),
           attrs=jdbc("SELECT", "rates", "tax", "select r1_0.id,r1_0.rate from rates r1_0 where r1_0.region=? and "
                                                "r1_0.product_class=?", "tax-db"))
    sh.expect("FAILED", failing, recovered=[first, shed],
              text='failed: POST /api/checkout → 500; root cause tax-svc POST /v1/quote (IllegalArgumentException)',
              notes="Two failures: the profile 503 was resent and answered 200 (recovered, not a culprit), and the tax "
                    "quote failed with 500. The tax-svc server span carries the exception and has no failing child "
                    "(its rate query succeeded and returned no row), so it is the culprit. A rule that picks the "
                    "first or the deepest ERROR span anywhere would wrongly name the recovered 503.")
    return sh


def conflict_409_order_exists():
    sh = Shape(6, "conflict-409-order-exists", "CONFLICT_409_ORDER_EXISTS",
               "The order is refused with 409: order-svc says it was already placed.",
               "OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3 @ResponseStatus exception, JDK HttpClient, JDBC)",
               "usr_shape06")
    t = sh.trace
    bff = java(sh, "web-bff", "84f7d6c9b-j5srq", "9.1.0")
    orders = java(sh, "order-svc", "5d9f8b7c6-t6bnm", "3.27.4")
    root = t.span(bff, S, "POST /orders", 0, 88.3, scope=jscope("tomcat-10.0"),
                  attrs=java_server("POST", "/orders", "/orders", 409, "10.42.0.15", "web-bff")
                  + [("user.id", sh.user)])
    call = t.span(bff, C, "POST", 2.7, 85.9, root, scope=jscope("java-http-client"), status=ERR(),
                  attrs=java_client("POST", "http://order-svc:8080/api/orders", 409, "order-svc"))
    message = "Order with idempotency key 3f0c9a7e-5b1d-4e8a-9c62-1d7f0b4a9e11 was already placed as ORD-7781920"
    refused = t.span(orders, S, "POST /api/orders", 5.3, 83.0, call, scope=jscope("tomcat-10.0"),
                     attrs=java_server("POST", "/api/orders", "/api/orders", 409, "10.42.0.44", "order-svc")
                     + [("user.id", sh.user)],
                     events=[java_exception(t, 82.1, "com.acme.orders.OrderAlreadyPlacedException", message, [
                         "com.acme.orders.OrderService.place(OrderService.java:61)",
                         "com.acme.orders.web.OrderController.create(OrderController.java:42)",
                         "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
                         "org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)"])])
    t.span(orders, C, "SELECT orders.orders", 9.9, 17.2, refused, scope=jscope("jdbc"),
           attrs=jdbc("SELECT", "orders", "orders",
                      "select o1_0.id,o1_0.number,o1_0.status from orders o1_0 where o1_0.idempotency_key=?",
                      "orders-db"))
    sh.expect("REFUSED", refused,
              text='refused: POST /orders → 409 Conflict (OrderAlreadyPlacedException: Order with idempotency key … '
                   'was already placed as ORD-7781920)',
              notes="Server spans leave 4xx unset, as semantic conventions say, so the entry looks fine by status; "
                    "the 409 is what the customer saw. Only the client span in between is ERROR (client 4xx), and "
                    "it carries no reason. The reason is the exception event that the agent's Spring MVC "
                    "instrumentation recorded on order-svc's server span even though the handler mapped it to 409: "
                    "that span is the culprit.")
    return sh


def payment_declined_402():
    sh = Shape(7, "payment-declined-402", "PAYMENT_DECLINED_402",
               "Payment is declined with 402: insufficient funds.",
               "ASP.NET Core 8 with OpenTelemetry .NET 1.9.0 (AspNetCore RecordException=true, HttpClient)",
               "usr_shape07")
    t = sh.trace
    store = dotnet(sh, "storefront", "6d7c9b8f5-wq8zl")
    pay = dotnet(sh, "payment-svc", "7b6f5d9c8-cr3kx")
    root = t.span(store, S, "POST /api/orders", 0, 341.0, scope=("Microsoft.AspNetCore", ""),
                  attrs=aspnet_server("POST", "/api/orders", "api/orders", 402, "storefront")
                  + [("user.id", sh.user)])
    call = t.span(store, C, "POST", 6.2, 336.4, root, scope=("System.Net.Http", ""), status=ERR(),
                  attrs=httpclient_dotnet("POST", "http://payment-svc:8080/payments", 402, "payment-svc"))
    declined = t.span(pay, S, "POST /payments", 9.0, 333.3, call, scope=("Microsoft.AspNetCore", ""),
                      attrs=aspnet_server("POST", "/payments", "payments", 402, "payment-svc",
                                          ua="") + [("user.id", sh.user)],
                      events=[dotnet_exception(t, 331.7, "Acme.Payments.CardDeclinedException", "insufficient funds", [
                          "Acme.Payments.Acquirer.AdyenClient.AuthoriseAsync(PaymentRequest request) in "
                          "/src/Acme.Payments/Acquirer/AdyenClient.cs:line 118",
                          "Acme.Payments.PaymentService.ChargeAsync(ChargeCommand command) in "
                          "/src/Acme.Payments/PaymentService.cs:line 54",
                          "Acme.Payments.Endpoints.PaymentEndpoints.<>c.<<Map>b__0_0>d.MoveNext() in "
                          "/src/Acme.Payments/Endpoints/PaymentEndpoints.cs:line 21"])])
    acq = t.span(pay, C, "POST", 21.4, 327.9, declined, scope=("System.Net.Http", ""),
                 attrs=httpclient_dotnet("POST", "https://checkout-test.adyen.com/v71/payments", 200,
                                         "checkout-test.adyen.com", 443))
    sh.expect("REFUSED", declined,
              text='refused: POST /api/orders → 402 Payment Required (CardDeclinedException: insufficient funds)',
              notes="The acquirer answered 200 with a refusal in the body; payment-svc threw CardDeclinedException "
                    "and its exception handler mapped it to 402. ASP.NET Core instrumentation with RecordException "
                    "keeps the exception event but leaves the 4xx server span unset. The storefront's HttpClient "
                    "span is ERROR (client 4xx) without a reason; the server span that has the reason is the culprit.")
    return sh


def brave_404_absorbed():
    sh = Shape(8, "brave-404-absorbed", "BRAVE_404_ABSORBED",
               "A profile page asks for an avatar that does not exist; the 404 is expected and the page answers 200.",
               "Spring Cloud Sleuth 3.1.10 with Brave 5.16 (RestTemplate, Spring MVC), reporting to Zipkin",
               "usr_shape08", id64=True)
    t = sh.trace
    web = Res("profile-web", origin="brave", ip="10.42.8.21")
    avatar = Res("avatar-svc", origin="brave", ip="10.42.8.40")
    users = Res("user-svc", origin="brave", ip="10.42.8.52")
    root = t.span(web, S, "GET /profile/{id}", 0, 64.2, span_id=t.id[16:],
                  attrs=[("http.method", "GET"), ("http.path", "/profile/42"),
                         ("mvc.controller.class", "ProfileController"), ("mvc.controller.method", "show"),
                         ("user.id", sh.user)],
                  remote={"ipv4": "10.42.0.7", "port": 51844})
    user_call = t.span(web, C, "GET", 2.1, 21.6, root,
                       attrs=[("http.method", "GET"), ("http.path", "/users/42"), ("user.id", sh.user)])
    t.span(users, S, "GET /users/{id}", 3.3, 20.4, root, span_id=user_call.id, shared=True,
           attrs=[("http.method", "GET"), ("http.path", "/users/42"), ("mvc.controller.class", "UserController"),
                  ("mvc.controller.method", "get"), ("user.id", sh.user)],
           remote={"ipv4": "10.42.8.21", "port": 40112})
    avatar_call = t.span(web, C, "GET", 22.4, 41.0, root,
                         attrs=[("error", "404"), ("http.method", "GET"), ("http.path", "/users/42/avatar"),
                                ("http.status_code", "404"), ("user.id", sh.user)])
    missing = t.span(avatar, S, "GET /users/{id}/avatar", 23.5, 39.7, root, span_id=avatar_call.id, shared=True,
                     attrs=[("error", "404"), ("http.method", "GET"), ("http.path", "/users/42/avatar"),
                            ("http.status_code", "404"), ("mvc.controller.class", "AvatarController"),
                            ("mvc.controller.method", "avatar"), ("user.id", sh.user)],
                     remote={"ipv4": "10.42.8.21", "port": 40116})
    sh.expect("RECOVERED", None, recovered=[avatar_call, missing],
              text='succeeded (avatar-svc GET /users/{id}/avatar → 404, expected and absorbed)',
              notes="Brave's default HttpResponseParser tags error=<status> on every response ≥ 400 without an "
                    "exception, on both halves of the shared span ID. The caller handled the 404 (no avatar: show "
                    "initials) and the page answered 200, so the 404 is absorbed by a successful parent and names "
                    "no culprit. Through the Collector's zipkin receiver (OTLP form) and Jaeger, error=\"404\" stays a "
                    "plain attribute with status UNSET, because only error=\"true\" becomes ERROR there.")
    sh.format_notes = ("Brave reports 64-bit IDs; the root span's ID equals the trace ID. The avatar and user "
                       "calls share their span IDs between client and server (B3 join); Jaeger's query service "
                       "gives the server halves IDs 0000000000000001 and 0000000000000002.")
    return sh


def brave_500_end_to_end():
    sh = Shape(9, "brave-500-end-to-end", "BRAVE_500_END_TO_END",
               "A checkout fails with 500 through three Brave services; the deepest server says why.",
               "Spring Cloud Sleuth 3.1.10 with Brave 5.16 (RestTemplate, Spring MVC, JPA), reporting to Zipkin",
               "usr_shape09", id64=True)
    t = sh.trace
    web = Res("shop-web", origin="brave", ip="10.42.9.11")
    orders = Res("order-svc", origin="brave", ip="10.42.9.24")
    stock = Res("stock-svc", origin="brave", ip="10.42.9.37")
    root = t.span(web, S, "POST /checkout", 0, 5071.3, span_id=t.id[16:],
                  attrs=[("error", "500"), ("http.method", "POST"), ("http.path", "/checkout"),
                         ("http.status_code", "500"), ("mvc.controller.class", "CheckoutController"),
                         ("mvc.controller.method", "checkout"), ("user.id", sh.user)],
                  remote={"ipv4": "10.42.0.7", "port": 52210})
    c1 = t.span(web, C, "POST", 3.0, 5066.2, root,
                attrs=[("error", "500"), ("http.method", "POST"), ("http.path", "/orders"),
                       ("http.status_code", "500"), ("user.id", sh.user)])
    s1 = t.span(orders, S, "POST /orders", 4.4, 5063.9, root, span_id=c1.id, shared=True,
                attrs=[("error", "500"), ("http.method", "POST"), ("http.path", "/orders"),
                       ("http.status_code", "500"), ("mvc.controller.class", "OrderController"),
                       ("mvc.controller.method", "create"), ("user.id", sh.user)],
                remote={"ipv4": "10.42.9.11", "port": 41202})
    c2 = t.span(orders, C, "POST", 9.8, 5058.7, s1,
                attrs=[("error", "500"), ("http.method", "POST"), ("http.path", "/stock/reservations"),
                       ("http.status_code", "500"), ("user.id", sh.user)])
    message = ("Could not open JPA EntityManager for transaction; nested exception is "
               "org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection")
    s2 = t.span(stock, S, "POST /stock/reservations", 11.0, 5056.1, s1, span_id=c2.id, shared=True,
                attrs=[("error", message), ("http.method", "POST"), ("http.path", "/stock/reservations"),
                       ("http.status_code", "500"), ("mvc.controller.class", "ReservationController"),
                       ("mvc.controller.method", "reserve"), ("user.id", sh.user)],
                remote={"ipv4": "10.42.9.24", "port": 43518})
    sh.expect("FAILED", s2,
              text='failed: POST /checkout → 500; root cause stock-svc POST /stock/reservations (Unable to acquire '
                   'JDBC Connection)',
              notes="Every span carries Brave's error tag: the status code (\"500\") where no exception was seen, "
                    "the exception message where one was. The culprit is the deepest server half, stock-svc's, "
                    "whose error tag is Hibernate's message after a 5 s wait for a pooled connection. Its span ID "
                    "is shared with order-svc's client half (culpritService tells them apart); Jaeger renames the "
                    "server half, see culpritJaegerSpanId.")
    sh.format_notes = ("Brave 64-bit IDs, shared client/server span IDs; Jaeger's query service gives the server "
                       "halves IDs 0000000000000001 (order-svc) and 0000000000000002 (stock-svc).")
    return sh


def gateway_504_hung_query():
    sh = Shape(10, "gateway-504-hung-query", "GATEWAY_504_HUNG_QUERY",
               "The gateway answers 504 after 30 s; the report query underneath never came back in time.",
               "OpenTelemetry Java agent 2.10.0 on Spring Cloud Gateway 4.1 (Reactor Netty) and a Spring Boot "
               "service with JDBC (PostgreSQL)",
               "usr_shape10")
    t = sh.trace
    gw = java(sh, "api-gateway", "7f6b9c8d5-v9qpl", "4.1.5")
    rep = java(sh, "report-svc", "6c5b8d7f9-dn4wr", "2.2.0")
    message = "Response took longer than timeout: PT30S"
    root = t.span(gw, S, "GET /api/reports/{id}", 0, 30014.9, scope=jscope("netty-4.1"), status=ERR(message),
                  attrs=java_server("GET", "/api/reports/R-55102", "/api/reports/{id}", 504, "10.42.4.2",
                                    "api.shop.example", 443,
                                    error_type="org.springframework.cloud.gateway.support.TimeoutException")
                  + [("user.id", sh.user)],
                  events=[java_exception(t, 30013.6, "org.springframework.cloud.gateway.support.TimeoutException",
                                         message, [
                                             "org.springframework.cloud.gateway.filter.NettyRoutingFilter.lambda$filter$5(NettyRoutingFilter.java:209)",
                                             "reactor.core.publisher.FluxOnErrorResume$ResumeSubscriber.onError(FluxOnErrorResume.java:94)",
                                             "reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber.handleTimeout(FluxTimeout.java:296)"])])
    call = t.span(gw, C, "GET", 4.6, 30006.3, root, scope=jscope("reactor-netty-1.0"),
                  attrs=java_client("GET", "http://report-svc:8080/reports/R-55102", None, "report-svc"))
    server = t.span(rep, S, "GET /reports/{id}", 7.8, 31377.0, call, scope=jscope("tomcat-10.0"),
                    attrs=java_server("GET", "/reports/R-55102", "/reports/{id}", 200, "10.42.4.19", "report-svc")
                    + [("user.id", sh.user)])
    t.span(rep, C, "SELECT reporting.reports", 12.1, 15.9, server, scope=jscope("jdbc"),
           attrs=jdbc("SELECT", "reports", "reporting", "select r1_0.id,r1_0.owner_id,r1_0.query_id from reports r1_0 "
                                                        "where r1_0.id=?", "reporting-db"))
    hung = t.span(rep, C, "SELECT reporting.report_rows", 16.6, 29943.8, server, scope=jscope("jdbc"),
                  attrs=jdbc("SELECT", "report_rows", "reporting",
                             "select rr1_0.* from report_rows rr1_0 join ledger_entries le1_0 on le1_0.id=rr1_0.entry_id "
                             "where rr1_0.report_id=? order by le1_0.booked_at", "reporting-db"))
    sh.expect("FAILED", hung, timed_out=True,
              text='failed (timed out): GET /api/reports/{id} → 504 after 30.0 s; the time went to SELECT '
                   'reporting.report_rows (29.9 s)',
              notes="The gateway's response timeout cancelled the upstream call: the Reactor Netty client span ends "
                    "at 30 s with no response, no status and no error (a cancellation is not an error to the agent). "
                    "report-svc kept going and answered 200 to nobody after 31.4 s. Following the time down the "
                    "critical path (gateway → client → report-svc → the query) ends at the 29.9 s query, which has "
                    "no error either: that is the span a careful engineer names, not the gateway's own exception.")
    return sh


def istio_egress_timeout():
    sh = Shape(11, "istio-egress-timeout", "ISTIO_EGRESS_TIMEOUT",
               "The caller's sidecar gives up after 15 s (UT, 504) while the called service runs a slow query for 18 s.",
               "Istio 1.22 (Envoy 1.30 sidecars, Zipkin tracer, B3 shared span context) around services with the "
               "OpenTelemetry Java agent 2.10.0",
               "usr_shape11")
    t = sh.trace
    web = java(sh, "web-frontend", "5f8d7c6b9-bk2ps", "12.0.1")
    orders = java(sh, "order-svc", "7d6c5b9f8-xw7hq", "3.28.0")
    web_proxy = Res("web-frontend.shop", origin="envoy", ip="10.42.11.5")
    order_proxy = Res("order-svc.shop", origin="envoy", ip="10.42.11.18")
    root = t.span(web, S, "GET /api/orders/{id}", 0, 15032.4, scope=jscope("tomcat-10.0"), status=ERR(),
                  attrs=java_server("GET", "/api/orders/ORD-661204", "/api/orders/{id}", 504, "10.42.11.1",
                                    "web-frontend") + [("user.id", sh.user)])
    call = t.span(web, C, "GET", 4.9, 15024.8, root, scope=jscope("java-http-client"), status=ERR(),
                  attrs=java_client("GET", "http://order-svc.shop.svc.cluster.local:8080/orders/ORD-661204", 504,
                                    "order-svc.shop.svc.cluster.local"))
    op = "order-svc.shop.svc.cluster.local:8080/*"
    request_id = "9a2f61c4-7d0e-9b4c-a1f3-5e8d2c7b6a90"
    common = [("component", "proxy"), ("guid:x-request-id", request_id),
              ("http.method", "GET"), ("http.protocol", "HTTP/1.1"),
              ("http.url", "http://order-svc.shop.svc.cluster.local:8080/orders/ORD-661204"),
              ("istio.mesh_id", "cluster.local"), ("istio.namespace", "shop"),
              ("peer.address", "10.42.11.5"), ("request_size", "0"),
              ("upstream_cluster", "outbound|8080||order-svc.shop.svc.cluster.local"),
              ("upstream_cluster.name", "outbound|8080||order-svc.shop.svc.cluster.local"),
              ("user_agent", "Java-http-client/21.0.5"), ("zone", "eu-west-1b")]
    egress = t.span(web_proxy, C, op, 5.6, 15011.9, call,
                    attrs=common + [("downstream_cluster", "-"), ("error", "true"), ("http.status_code", "504"),
                                    ("istio.canonical_revision", "12.0.1"), ("istio.canonical_service", "web-frontend"),
                                    ("node_id", "sidecar~10.42.11.5~web-frontend-5f8d7c6b9-bk2ps.shop~shop.svc.cluster.local"),
                                    ("response_flags", "UT"), ("response_size", "24"),
                                    ("upstream_address", "10.42.11.18:8080")])
    ingress = t.span(order_proxy, S, op, 7.9, 15013.2, call, span_id=egress.id, shared=True,
                     attrs=[a for a in common if a[0] not in ("upstream_cluster", "upstream_cluster.name")]
                     + [("downstream_cluster", "-"), ("error", "true"), ("http.status_code", "0"),
                        ("istio.canonical_revision", "3.28.0"), ("istio.canonical_service", "order-svc"),
                        ("node_id", "sidecar~10.42.11.18~order-svc-7d6c5b9f8-xw7hq.shop~shop.svc.cluster.local"),
                        ("response_flags", "DC"), ("response_size", "0"),
                        ("upstream_cluster", "inbound|8080||"), ("upstream_cluster.name", "inbound|8080||"),
                        ("upstream_address", "10.42.11.18:8080")])
    server = t.span(orders, S, "GET /orders/{id}", 9.6, 18448.7, egress.id, scope=jscope("tomcat-10.0"),
                    attrs=java_server("GET", "/orders/ORD-661204", "/orders/{id}", 200, "127.0.0.6", "order-svc",
                                      ua="Java-http-client/21.0.5") + [("user.id", sh.user)])
    t.span(orders, C, "SELECT shop.orders", 12.0, 16.4, server, scope=jscope("jdbc"),
           attrs=jdbc("SELECT", "orders", "shop", "select o1_0.id,o1_0.customer_id,o1_0.status from orders o1_0 where "
                                                  "o1_0.number=?", "shop-db"))
    slow = t.span(orders, C, "SELECT shop.order_lines", 17.1, 18431.5, server, scope=jscope("jdbc"),
                  attrs=jdbc("SELECT", "order_lines", "shop",
                             "select ol1_0.* from order_lines ol1_0 left join shipments s1_0 on s1_0.line_id=ol1_0.id "
                             "where ol1_0.order_id=?", "shop-db"))
    sh.expect("FAILED", slow, timed_out=True,
              text='failed (timed out): GET /api/orders/{id} → 504 after 15.0 s; the time went to order-svc SELECT '
                   'shop.order_lines (18.4 s)',
              notes="The egress sidecar span is the one that failed (error=true, response_flags=UT, 504 at the "
                    "route's 15 s timeout); the ingress sidecar saw the downstream disconnect (DC, status 0, also "
                    "error=true). Neither took the time: order-svc's server span ran 18.4 s and answered 200 to a "
                    "closed connection, and inside it one query took 18.4 s. Following the time down names that "
                    "query; the proxies only report who gave up.")
    sh.format_notes = ("Envoy spans are Zipkin-native with a shared span ID between the egress (CLIENT) and "
                       "ingress (SERVER) sidecars; the application spans went through the Collector. Jaeger "
                       "renames the ingress half to 0000000000000001 and puts order-svc's server span under it.")
    return sh


def go_context_canceled():
    sh = Shape(12, "go-context-canceled", "GO_CONTEXT_CANCELED",
               "The app gives up on a search after 5 s; the search service keeps going for 7 s.",
               "Go 1.22 net/http with otelhttp v0.49.0 and github.com/XSAM/otelsql v0.29.0 (SDK 1.24.0)",
               "usr_shape12")
    t = sh.trace
    bff = go(sh, "mobile-bff", "6b8c7d9f5-lt5gx")
    search = go(sh, "search-svc", "58d9c7b6f-qv3zk")
    http = ("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "0.49.0")
    root = t.span(bff, S, "GET /api/search", 0, 5003.1, scope=http,
                  attrs=go_server("GET", "/api/search?q=linen+shirt", 499, "mobile-bff", "10.42.12.4",
                                  route="/api/search", ua=UA_IOS) + [("user.id", sh.user)])
    call = t.span(bff, C, "HTTP GET", 1.8, 5002.4, root, scope=http, status=ERR("Get \"http://search-svc:8080/search?q=linen+shirt&limit=40\": context canceled"),
                  attrs=go_client("GET", "http://search-svc:8080/search?q=linen+shirt&limit=40", None, "search-svc"),
                  events=[go_error_ev(t, 5002.2)])
    server = t.span(search, S, "GET /search", 3.9, 7231.6, call, scope=http,
                    attrs=go_server("GET", "/search?q=linen+shirt&limit=40", 200, "search-svc", "10.42.12.4",
                                    route="/search", ua="Go-http-client/1.1") + [("user.id", sh.user)])
    slow = t.span(search, C, "sql.conn.query", 6.2, 7014.8, server, scope=("github.com/XSAM/otelsql", "0.29.0"),
                  attrs=[("db.system", "postgresql"),
                         ("db.statement", "SELECT id, title, score FROM products WHERE search_vector @@ "
                                          "plainto_tsquery($1) ORDER BY score DESC LIMIT 40")])
    t.span(search, I, "rank", 7015.3, 7228.0, server, scope=("search-svc/ranking", ""),
           attrs=[("search.candidates", 40)])
    sh.expect("FAILED", slow, timed_out=True,
              text='failed (cancelled): GET /api/search, the app closed the request after 5.0 s; the time went to '
                   'search-svc sql.conn.query (7.0 s)',
              notes="The iOS app aborts searches after 5 s; the BFF's request context was cancelled, its outgoing "
                    "call failed with \"context canceled\" and the handler logged 499 (client closed request), which "
                    "otelhttp records as a 4xx and leaves unset. That is a hang the customer saw, not a refusal. The "
                    "called service never noticed and ran its 7.0 s full-text query to the end: following the time "
                    "down names that query, not the client span that gave up.")
    return sh


def go_error_ev(t, ms):
    return ("exception", t.at(ms), [("exception.type", "*url.Error"),
                                    ("exception.message",
                                     "Get \"http://search-svc:8080/search?q=linen+shirt&limit=40\": context canceled")])


SHAPES = [write_up_payment_502, redis_timeout_retried, okhttp_503_resend, go_retries_exhausted,
          recovered_retry_and_real_failure, conflict_409_order_exists, payment_declined_402, brave_404_absorbed,
          brave_500_end_to_end, gateway_504_hung_query, istio_egress_timeout, go_context_canceled]
