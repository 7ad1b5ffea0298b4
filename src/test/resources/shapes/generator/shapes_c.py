"""Shapes 24-34: HotROD, the OpenTelemetry demo's failure flags, framework defaults, proxies, and an
absorbed failure under an explicitly OK span."""

from attrs import (UA_CHROME, aspnet_server, flask_server, java_client, java_server, node_grpc_client,
                   node_server)
from model import (PY, Shape, demo, dotnet, dotnet_exception, go, go_error, java, java_exception, jscope, node,
                   node_exception, python, python_exception)
from wire import Res

S, C, I, P, K = "SERVER", "CLIENT", "INTERNAL", "PRODUCER", "CONSUMER"
NODE_GRPC = ("@opentelemetry/instrumentation-grpc", "0.53.0")
NODE_HTTP = ("@opentelemetry/instrumentation-http", "0.53.0")
GO_GRPC = ("go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc", "0.57.0")
NEXT = ("next.js", "0.0.1")


def ERR(message=""):
    return ("ERROR", message)


# ---------------------------------------------------------------------------------------------
# HotROD (Jaeger's example application, jaeger-client-go era: OpenTracing tags, span logs).

def hotrod_process(name, ip, uuid):
    return Res(name, [("client-uuid", uuid), ("hostname", "hotrod-7c9f6d8b5-4xq2p"), ("ip", ip),
                      ("jaeger.version", "Go-2.30.0")], origin="jaeger")


def hotrod(sh, lock_ms, lock_log, failing_gets):
    t = sh.trace
    ip = "10.42.%d.9" % sh.number
    fe = hotrod_process("frontend", ip, "1b7e2d9c4a6f8e03")
    cust = hotrod_process("customer", ip, "4c8a1f6e2b9d7035")
    mysql = hotrod_process("mysql", ip, "7e2c9b4d1a8f6053")
    drv = hotrod_process("driver", ip, "2f9d6a3c8e1b4075")
    redis = hotrod_process("redis", ip, "9a4e7c2f6d1b8035")
    route = hotrod_process("route", ip, "5d1b8f3a9c6e2074")

    def log(ms, event, *fields):
        return (None, t.at(ms), [("event", event), ("level", "info")] + list(fields))

    url = "/dispatch?customer=731&nonse=0.%d" % sh.rng.randint(10 ** 15, 10 ** 16 - 1)
    total = 330 + lock_ms + 40 + 12 * 25 + 4 * 55
    root = t.span(fe, None, "HTTP GET /dispatch", 0, total,
                  attrs=[("sampler.type", "const"), ("sampler.param", True), ("span.kind", "server"),
                         ("http.method", "GET"), ("http.url", url), ("component", "net/http"),
                         ("user.id", sh.user), ("http.status_code", 200)],
                  events=[log(0.1, "HTTP request received", ("method", "GET"), ("url", url)),
                          log(0.3, "Getting customer", ("customer_id", "731"))])
    c_call = t.span(fe, None, "HTTP GET", 0.5, 300 + lock_ms + 4, root,
                    attrs=[("span.kind", "client"), ("component", "net/http"), ("http.method", "GET"),
                           ("http.url", "0.0.0.0:8081/customer?customer=731"), ("net/http.reused", False),
                           ("net/http.was_idle", False), ("http.status_code", 200)])
    c_srv = t.span(cust, None, "HTTP GET /customer", 1.2, 300 + lock_ms + 3, c_call,
                   attrs=[("span.kind", "server"), ("http.method", "GET"), ("http.url", "/customer?customer=731"),
                          ("component", "net/http"), ("http.status_code", 200)],
                   events=[log(1.3, "HTTP request received", ("method", "GET"), ("url", "/customer?customer=731")),
                           log(1.4, "Loading customer", ("customer_id", "731"))])
    sql = t.span(mysql, None, "SQL SELECT", 1.6, 300 + lock_ms + 2, c_srv,
                 attrs=[("span.kind", "client"), ("peer.service", "mysql"),
                        ("sql.query", "SELECT * FROM customer WHERE customer_id=731")],
                 events=lock_log(t))
    start = 300 + lock_ms + 6
    d_call = t.span(fe, None, "Driver::findNearest", start, start + 40 + 12 * 25, root,
                    attrs=[("span.kind", "client"), ("component", "tchannel-go"), ("as", "thrift"),
                           ("peer.service", "driver")])
    d_srv = t.span(drv, None, "Driver::findNearest", start + 1, start + 39 + 12 * 25, d_call,
                   attrs=[("span.kind", "server"), ("component", "tchannel-go"), ("as", "thrift"),
                          ("peer.service", "frontend")],
                   events=[log(start + 1.2, "Searching for nearby drivers", ("location", "577,322"))])
    t.span(redis, None, "FindDriverIDs", start + 2, start + 22, d_srv,
           attrs=[("span.kind", "server"), ("param.location", "577,322")],
           events=[log(start + 21.8, "Found drivers", ("drivers", 10))])
    at = start + 23
    failed = []
    retry_logs = []
    for n in range(10):
        driver = "T7%05dC" % sh.rng.randint(0, 99999)
        tries = 2 if n in failing_gets else 1
        for attempt in range(tries):
            error = attempt == 0 and tries == 2
            dur = 20.8 if error else 10.3
            span = t.span(redis, None, "GetDriver", at, at + dur, d_srv,
                          attrs=[("span.kind", "server"), ("param.driverID", driver)] + ([("error", True)] if error else []),
                          events=[(None, t.at(at + dur - 0.1), [("event", "redis timeout"), ("level", "error"),
                                                                ("driver_id", driver), ("error", "redis timeout")])]
                          if error else [])
            if error:
                failed.append(span)
                retry_logs.append((None, t.at(at + dur + 0.1), [("event", "Retrying GetDriver after error"),
                                                                 ("level", "error"), ("retry_no", 1),
                                                                 ("error", "redis timeout")]))
            at += dur + 0.6
    d_srv.events += retry_logs + [log(at + 0.2, "Search successful", ("drivers", 10))]
    d_srv.events.sort(key=lambda e: e[1])
    at = d_call.end / 1e6 - t.t0 / 1e6 + 1
    for n in range(10):
        lane, wave = n % 3, n // 3
        begin = at + wave * 55 + lane * 0.4
        r_call = t.span(fe, None, "HTTP GET", begin, begin + 52, root,
                        attrs=[("span.kind", "client"), ("component", "net/http"), ("http.method", "GET"),
                               ("http.url", "0.0.0.0:8083/route?dropoff=577%2C322&pickup={}%2C{}".format(
                                   sh.rng.randint(100, 999), sh.rng.randint(100, 999))),
                               ("net/http.reused", n > 2), ("net/http.was_idle", n > 2), ("http.status_code", 200)])
        t.span(route, None, "HTTP GET /route", begin + 0.7, begin + 51.2, r_call,
               attrs=[("span.kind", "server"), ("http.method", "GET"), ("http.url", "/route"),
                      ("component", "net/http"), ("http.status_code", 200)])
    root.events.append(log(total - 0.3, "Dispatch successful", ("driver", "T712345C"), ("eta", "2m0s")))
    return root, sql, failed


def hotrod_redis_retries():
    sh = Shape(24, "hotrod-redis-retries", "HOTROD_REDIS_RETRIES",
               "HotROD dispatches a car; two GetDriver calls to Redis time out and are retried successfully.",
               "Jaeger HotROD example (jaeger-client-go 2.30, OpenTracing, TChannel driver service), reporting "
               "through jaeger-agent",
               "usr_shape24")

    def lock(t):
        return [(None, t.at(2.0), [("event", "Acquired lock with 0 transactions waiting behind"),
                                   ("level", "info")])]

    root, _, failed = hotrod(sh, 0, lock, failing_gets=(3, 7))
    sh.expect("RECOVERED", None, recovered=failed,
              text='succeeded after retrying GetDriver (redis timeout ×2)',
              notes="HotROD's Redis simulator fails every fifth GetDriver with error=true and a \"redis timeout\" "
                    "log; the driver service logs \"Retrying GetDriver after error\" and the retry succeeds. The "
                    "dispatch answers 200. Both failures were recovered: no culprit.")
    sh.format_notes = ("Jaeger form is native (internal.span.format=proto); user.id was added to the root by the "
                       "deployment (HotROD itself puts the customer in the URL). OTLP and Zipkin forms come from "
                       "the Collector's jaeger receiver.")
    return sh


def hotrod_mysql_lock():
    sh = Shape(25, "hotrod-mysql-lock", "HOTROD_MYSQL_LOCK",
               "HotROD dispatch is slow: the MySQL SELECT waits 1.1 s for a lock. No errors.",
               "Jaeger HotROD example (jaeger-client-go 2.30, OpenTracing), several dispatches at once",
               "usr_shape25")

    def lock(t):
        return [(None, t.at(1.9), [("event", "Waiting for lock behind 3 transactions"), ("level", "info"),
                                   ("blockers", "[5171-3 5171-4 5171-5]")]),
                (None, t.at(842.0), [("event", "Acquired lock with 1 transactions waiting behind"),
                                     ("level", "info")])]

    root, sql, _ = hotrod(sh, 820, lock, failing_gets=())
    sh.expect("SUCCEEDED", None,
              text="succeeded (1.7 s; SQL SELECT in mysql took 1.12 s)",
              notes="Nothing failed: every span answered and none carries error. The customer waited almost 2 s, "
                    "most of it in the mysql span, which logged \"Waiting for lock behind 3 transactions\" (HotROD "
                    "simulates a connection pool of one). The waterfall must make that bar obvious; there is no "
                    "culprit because there is no failure.")
    sh.slow = sql
    sh.format_notes = "As HOTROD_REDIS_RETRIES."
    return sh


# ---------------------------------------------------------------------------------------------
# The OpenTelemetry demo 1.12 (Kubernetes install).

def proxy_spans(sh, t, path, method, status, end_ms, res, error=False):
    rid = sh.uuid()
    common = [("node_id", ""), ("zone", ""), ("guid:x-request-id", rid),
              ("http.url", "http://frontend-proxy:8080" + path), ("http.method", method),
              ("downstream_cluster", "-"), ("user_agent", UA_CHROME), ("http.protocol", "HTTP/1.1"),
              ("peer.address", "10.42.0.1"), ("request_size", "312" if method != "GET" else "0"),
              ("response_size", "84"), ("component", "proxy"), ("upstream_cluster", "frontend"),
              ("upstream_cluster.name", "frontend"), ("http.status_code", str(status)), ("response_flags", "-")]
    ingress = t.span(res, S, "ingress", 0, end_ms, attrs=common, status=ERR() if error else None)
    egress = t.span(res, C, "router frontend egress", 0.3, end_ms - 0.2, ingress,
                    attrs=common + [("upstream_address", "10.42.%d.31:8080" % sh.number)],
                    status=ERR() if error else None)
    return egress


def otel_demo_payment_failure():
    sh = Shape(26, "otel-demo-payment-failure", "OTEL_DEMO_PAYMENT_FAILURE",
               "With the paymentFailure flag on, checkout fails: payment's charge throws \"Invalid token\".",
               "OpenTelemetry demo 1.12: frontend-proxy (Envoy 1.32 OpenTelemetry tracer), frontend (Next.js, JS SDK "
               "1.26), checkout (Go, otelgrpc 0.57), cart (.NET 1.9), payment (Node.js, JS SDK 1.26)",
               "usr_shape26")
    t = sh.trace
    px = demo(sh, "frontend-proxy", "cpp", "1.13.0", "84d6b9c7f-tm6xr")
    fe = demo(sh, "frontend", "nodejs", "1.26.0", "6d5f8b7c9-rk9tl")
    co = demo(sh, "checkout", "go", "1.32.0", "7b9d8c6f5-pz6ks")
    cart = demo(sh, "cart", "dotnet", "1.9.0", "5f7c9d8b6-hn3qv")
    pay = demo(sh, "payment", "nodejs", "1.26.0", "69c8b7d5f-dk2wz")
    egress = proxy_spans(sh, t, "/api/checkout?currencyCode=USD", "POST", 500, 141.9, px, error=True)
    server = t.span(fe, S, "POST /api/checkout", 1.1, 140.6, egress, scope=NODE_HTTP, status=ERR(),
                    attrs=node_server("POST", "/api/checkout?currencyCode=USD", "/api/checkout", 500, "frontend",
                                      "10.42.26.5") + [("app.user.id", sh.user), ("user.id", sh.user)])
    placeorder_error = ("13 INTERNAL: failed to charge card: could not charge the card: rpc error: code = Unknown "
                        "desc = Payment request failed. Invalid token. app.loyalty.level=gold")
    handler = t.span(fe, I, "executing api route (pages) /api/checkout", 2.0, 139.8, server, scope=NEXT,
                     status=ERR(placeorder_error),
                     attrs=[("next.span_type", "Node.runHandler"), ("next.span_name",
                                                                     "executing api route (pages) /api/checkout")],
                     events=[node_exception(t, 139.5, "Error", placeorder_error, [
                         "callErrorFromStatus (/app/node_modules/@grpc/grpc-js/build/src/call.js:31:19)",
                         "Object.onReceiveStatus (/app/node_modules/@grpc/grpc-js/build/src/client.js:193:76)"])])
    call = t.span(fe, C, "grpc.oteldemo.CheckoutService/PlaceOrder", 3.5, 138.7, handler, scope=NODE_GRPC,
                  status=ERR(placeorder_error),
                  attrs=node_grpc_client("oteldemo.CheckoutService", "PlaceOrder", 13, "checkout", 8080))
    charge_error = "Payment request failed. Invalid token. app.loyalty.level=gold"
    po = t.span(co, S, "oteldemo.CheckoutService/PlaceOrder", 5.2, 136.9, call, scope=GO_GRPC,
                status=ERR(placeorder_error[len("13 INTERNAL: "):]),
                attrs=[("rpc.system", "grpc"), ("rpc.service", "oteldemo.CheckoutService"), ("rpc.method", "PlaceOrder"),
                       ("network.peer.address", "10.42.26.5"), ("network.peer.port", 39422),
                       ("app.user.id", sh.user), ("app.user.currency", "USD"), ("rpc.grpc.status_code", 13)],
                events=[("prepared", t.at(61.0), [])])
    prep = t.span(co, I, "prepareOrderItemsAndShippingQuoteFromCart", 5.6, 60.7, po, scope=("checkout", ""),
                  attrs=[("app.cart.items.count", 1), ("app.order.items.count", 1),
                         ("app.shipping.amount", 8.99)])
    gc = t.span(co, C, "oteldemo.CartService/GetCart", 6.0, 14.8, prep, scope=GO_GRPC,
                attrs=[("rpc.system", "grpc"), ("rpc.service", "oteldemo.CartService"), ("rpc.method", "GetCart"),
                       ("server.address", "cart"), ("server.port", 8080), ("rpc.grpc.status_code", 0)])
    t.span(cart, S, "oteldemo.CartService/GetCart", 7.4, 13.6, gc, scope=("Microsoft.AspNetCore", ""),
           attrs=[("server.address", "cart"), ("server.port", 8080), ("http.request.method", "POST"),
                  ("url.scheme", "http"), ("url.path", "/oteldemo.CartService/GetCart"),
                  ("network.protocol.version", "2"), ("user_agent.original", "grpc-go/1.69.2"),
                  ("grpc.method", "/oteldemo.CartService/GetCart"), ("grpc.status_code", "0"),
                  ("rpc.system", "grpc"), ("rpc.service", "oteldemo.CartService"), ("rpc.method", "GetCart"),
                  ("rpc.grpc.status_code", 0), ("app.user.id", sh.user), ("app.cart.items.count", 1),
                  ("http.response.status_code", 200)],
           events=[("Fetch cart", t.at(7.6), [])])
    ch = t.span(co, C, "oteldemo.PaymentService/Charge", 61.4, 136.1, po, scope=GO_GRPC,
                status=ERR(charge_error),
                attrs=[("rpc.system", "grpc"), ("rpc.service", "oteldemo.PaymentService"), ("rpc.method", "Charge"),
                       ("server.address", "payment"), ("server.port", 8080), ("rpc.grpc.status_code", 2)])
    stack = ["module.exports.charge (/usr/src/app/charge.js:37:15)",
             "process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
             "async Object.chargeServiceHandler [as charge] (/usr/src/app/index.js:21:22)"]
    ps = t.span(pay, S, "grpc.oteldemo.PaymentService/Charge", 63.0, 134.8, ch, scope=NODE_GRPC, status=ERR(),
                attrs=[("rpc.system", "grpc"), ("rpc.method", "Charge"), ("rpc.service", "oteldemo.PaymentService"),
                       ("app.payment.amount", "115.28"), ("rpc.grpc.status_code", 2)],
                events=[node_exception(t, 134.1, "Error", charge_error, stack)])
    charge = t.span(pay, I, "charge", 64.1, 133.6, ps, scope=("payment", ""), status=ERR(charge_error),
                    attrs=[("app.loyalty.level", "gold")],
                    events=[node_exception(t, 133.4, "Error", charge_error, stack)])
    sh.expect("FAILED", charge,
              text='failed: POST /api/checkout → 500; root cause payment charge (Payment request failed. Invalid '
                   'token. app.loyalty.level=gold)',
              notes="The failure travels up five services: payment's charge span throws (ERROR with the message and "
                    "an exception event), payment's gRPC server span answers UNKNOWN (2), checkout turns it into "
                    "INTERNAL (13) for PlaceOrder, the frontend answers 500, and the proxy passes the 500 on. Every "
                    "span on the way is ERROR; the deepest one with no failing child is charge.")
    sh.format_notes = ("user.id is on the frontend's span (the proxy cannot know the user); the proxy's spans come "
                       "from Envoy's OpenTelemetry tracer, which reports status ERROR for 5xx.")
    return sh


def otel_demo_ad_failure():
    sh = Shape(27, "otel-demo-ad-failure", "OTEL_DEMO_AD_FAILURE",
               "With the adServiceFailure flag on, GetAds fails with UNAVAILABLE; the page renders without ads.",
               "OpenTelemetry demo 1.12: frontend (Next.js, JS SDK 1.26), ad (Java agent 2.10.0, grpc-1.6)",
               "usr_shape27")
    t = sh.trace
    fe = demo(sh, "frontend", "nodejs", "1.26.0", "6d5f8b7c9-rk9tl")
    ad = demo(sh, "ad", "java", "1.44.1", "5c9d7b8f6-xv4ml",
              extra=[("telemetry.distro.name", "opentelemetry-java-instrumentation"),
                     ("telemetry.distro.version", "2.10.0")])
    root = t.span(fe, S, "GET /api/data", 0, 24.3, scope=NODE_HTTP,
                  attrs=node_server("GET", "/api/data?contextKeys=telescopes", "/api/data", 200, "frontend",
                                    "10.42.27.5") + [("app.user.id", sh.user), ("user.id", sh.user)])
    call = t.span(fe, C, "grpc.oteldemo.AdService/GetAds", 1.9, 17.2, root, scope=NODE_GRPC,
                  status=ERR("14 UNAVAILABLE: "),
                  attrs=node_grpc_client("oteldemo.AdService", "GetAds", 14, "ad", 8080))
    failing = t.span(ad, S, "oteldemo.AdService/GetAds", 4.6, 15.0, call, scope=jscope("grpc-1.6"), status=ERR(),
                     attrs=[("network.peer.address", "10.42.27.5"), ("network.peer.port", 45210),
                            ("network.type", "ipv4"), ("rpc.grpc.status_code", 14), ("rpc.method", "GetAds"),
                            ("rpc.service", "oteldemo.AdService"), ("rpc.system", "grpc"),
                            ("server.address", "ad"), ("server.port", 8080), ("app.ads.contextKeys", "[telescopes]"),
                            ("app.ads.contextKeys.count", 1)],
                     events=[java_exception(t, 14.6, "io.grpc.StatusRuntimeException", "UNAVAILABLE", [
                         "io.grpc.Status.asRuntimeException(Status.java:533)",
                         "oteldemo.AdService$AdServiceImpl.getAds(AdService.java:175)",
                         "oteldemo.AdServiceGrpc$MethodHandlers.invoke(AdServiceGrpc.java:246)"])])
    sh.expect("RECOVERED", None, recovered=[call, failing],
              text='succeeded (ad GetAds → 14 UNAVAILABLE was absorbed; the page rendered without ads)',
              notes="The ad service threw UNAVAILABLE and both gRPC spans are ERROR, but the frontend treats ads as "
                    "optional: it logged the error and answered 200 with an empty ad list. The failure was absorbed "
                    "by a successful parent, so the verdict is recovered and nothing is a culprit.")
    return sh


def otel_demo_cart_failure():
    sh = Shape(28, "otel-demo-cart-failure", "OTEL_DEMO_CART_FAILURE",
               "With the cartServiceFailure flag on, emptying the cart fails: cart cannot reach Redis.",
               "OpenTelemetry demo 1.12: frontend (Next.js, JS SDK 1.26), cart (.NET 8 gRPC with OpenTelemetry .NET "
               "1.9, StackExchange.Redis)",
               "usr_shape28")
    t = sh.trace
    fe = demo(sh, "frontend", "nodejs", "1.26.0", "6d5f8b7c9-rk9tl")
    cart = demo(sh, "cart", "dotnet", "1.9.0", "5f7c9d8b6-hn3qv")
    redis_msg = ("Can't access cart storage. System.ApplicationException: Wasn't able to connect to redis \n"
                 "   at cart.cartstore.RedisCartStore.EnsureRedisConnected() in /usr/src/app/src/cartstore/RedisCartStore.cs:line 103\n"
                 "   at cart.cartstore.RedisCartStore.EmptyCartAsync(String userId) in /usr/src/app/src/cartstore/RedisCartStore.cs:line 172")
    rpc_msg = "Status(StatusCode=\"FailedPrecondition\", Detail=\"%s\")" % redis_msg
    grpc_msg = "9 FAILED_PRECONDITION: " + redis_msg
    root = t.span(fe, S, "DELETE /api/cart", 0, 5022.7, scope=NODE_HTTP, status=ERR(),
                  attrs=node_server("DELETE", "/api/cart?userId=%s&currencyCode=USD" % sh.user, "/api/cart", 500,
                                    "frontend", "10.42.28.5") + [("app.user.id", sh.user), ("user.id", sh.user)])
    handler = t.span(fe, I, "executing api route (pages) /api/cart", 0.8, 5021.9, root, scope=NEXT,
                     status=ERR(grpc_msg),
                     attrs=[("next.span_type", "Node.runHandler"),
                            ("next.span_name", "executing api route (pages) /api/cart")],
                     events=[node_exception(t, 5021.6, "Error", grpc_msg, [
                         "callErrorFromStatus (/app/node_modules/@grpc/grpc-js/build/src/call.js:31:19)",
                         "Object.onReceiveStatus (/app/node_modules/@grpc/grpc-js/build/src/client.js:193:76)"])])
    call = t.span(fe, C, "grpc.oteldemo.CartService/EmptyCart", 1.5, 5020.8, handler, scope=NODE_GRPC,
                  status=ERR(grpc_msg),
                  attrs=node_grpc_client("oteldemo.CartService", "EmptyCart", 9, "cart", 8080))
    failing = t.span(cart, S, "oteldemo.CartService/EmptyCart", 3.2, 5019.1, call, scope=("Microsoft.AspNetCore", ""),
                     status=ERR(rpc_msg),
                     attrs=[("server.address", "cart"), ("server.port", 8080), ("http.request.method", "POST"),
                            ("url.scheme", "http"), ("url.path", "/oteldemo.CartService/EmptyCart"),
                            ("network.protocol.version", "2"), ("user_agent.original", "grpc-node-js/1.12.2"),
                            ("grpc.method", "/oteldemo.CartService/EmptyCart"), ("grpc.status_code", "9"),
                            ("rpc.system", "grpc"), ("rpc.service", "oteldemo.CartService"),
                            ("rpc.method", "EmptyCart"), ("rpc.grpc.status_code", 9), ("app.user.id", sh.user),
                            ("http.response.status_code", 200)],
                     events=[("Empty cart", t.at(3.5), []),
                             dotnet_exception(t, 5018.4, "Grpc.Core.RpcException", rpc_msg, [
                                 "cart.cartstore.RedisCartStore.EmptyCartAsync(String userId) in /usr/src/app/src/cartstore/RedisCartStore.cs:line 183",
                                 "cart.services.CartService.EmptyCart(EmptyCartRequest request, ServerCallContext context) in /usr/src/app/src/services/CartService.cs:line 74"])])
    sh.expect("FAILED", failing,
              text='failed: DELETE /api/cart → 500; root cause cart EmptyCart → 9 FAILED_PRECONDITION (Wasn\'t able '
                   'to connect to redis)',
              notes="The flag swaps in a cart store pointed at a bad Redis address; connecting retries for 5 s, then "
                    "the store throws and the service answers FAILED_PRECONDITION. That gRPC code is nominally the "
                    "client's fault, but here it wraps a server fault, and what the customer saw is the frontend's "
                    "500: the verdict follows the entry. No Redis command was ever sent, so the deepest failing span "
                    "is cart's server span, which carries the exception.")
    return sh


def dotnet_unhandled_exception():
    sh = Shape(29, "dotnet-unhandled-exception", "DOTNET_UNHANDLED_EXCEPTION",
               "An invoice request throws InvalidOperationException in the handler after its query succeeded.",
               "ASP.NET Core 8 minimal API with OpenTelemetry .NET 1.9.0 (AspNetCore RecordException=true, SqlClient "
               "1.9.0-beta.1 with SetDbStatementForText)",
               "usr_shape29")
    t = sh.trace
    api = dotnet(sh, "orders-api", "7f8c6d9b5-kw4rt")
    message = "Sequence contains no elements"
    root = t.span(api, S, "GET /api/orders/{id}/invoice", 0, 84.6, scope=("Microsoft.AspNetCore", ""), status=ERR(),
                  attrs=aspnet_server("GET", "/api/orders/ORD-118842/invoice", "/api/orders/{id}/invoice", 500,
                                      "orders-api", error_type="System.InvalidOperationException")
                  + [("user.id", sh.user)],
                  events=[dotnet_exception(t, 83.2, "System.InvalidOperationException", message, [
                      "System.Linq.ThrowHelper.ThrowNoElementsException()",
                      "System.Linq.Enumerable.First[TSource](IEnumerable`1 source)",
                      "Acme.Orders.Invoices.InvoiceBuilder.Build(Order order, IReadOnlyList`1 lines) in "
                      "/src/Acme.Orders/Invoices/InvoiceBuilder.cs:line 37",
                      "Program.<>c__DisplayClass0_0.<<<Main>$>b__3>d.MoveNext() in /src/Acme.Orders/Program.cs:line 58"])])
    t.span(api, C, "OrdersDb", 3.1, 79.8, root, scope=("OpenTelemetry.Instrumentation.SqlClient", "1.9.0-beta.1"),
           attrs=[("db.system", "mssql"), ("db.name", "OrdersDb"), ("server.address", "orders-sql.database.windows.net"),
                  ("db.statement", "SELECT [l].[Id], [l].[Sku], [l].[Qty], [l].[TaxRateId] FROM [InvoiceLines] AS [l] "
                                   "WHERE [l].[OrderId] = @__orderId_0")])
    sh.expect("FAILED", root,
              text='failed: GET /api/orders/{id}/invoice → 500 (InvalidOperationException: Sequence contains no '
                   'elements)',
              notes="The only failing span is the entry itself: the handler threw after its SQL query succeeded "
                    "(the order had no lines, and .First() threw). ASP.NET Core instrumentation marked the server span "
                    "ERROR with error.type and, with RecordException, the exception event. The culprit is the entry; "
                    "a rule that only looks for failing children would find none.")
    return sh


def express_400_validation():
    sh = Shape(30, "express-400-validation", "EXPRESS_400_VALIDATION",
               "An address update is refused with 400 by request validation; nothing failed.",
               "Node.js 20 Express 4.21 with OpenTelemetry JS SDK 1.26 (instrumentation-http 0.53, -express 0.42)",
               "usr_shape30")
    t = sh.trace
    api = node(sh, "account-api", "6b7d8c9f5-fs3pm", "8.1.4")
    root = t.span(api, S, "PATCH /api/users/me/address", 0, 6.8, scope=NODE_HTTP,
                  attrs=node_server("PATCH", "/api/users/me/address", "/api/users/me/address", 400, "account-api",
                                    "10.42.30.2", text="BAD REQUEST") + [("user.id", sh.user)])
    ex = ("@opentelemetry/instrumentation-express", "0.42.0")
    at = 0.4
    for name, kind, dur in (("query", "middleware", 0.05), ("expressInit", "middleware", 0.04),
                            ("jsonParser", "middleware", 0.6), ("authenticate", "middleware", 2.1),
                            ("/api/users/me/address", "request_handler", 1.9)):
        label = ("middleware - " + name) if kind == "middleware" else ("request handler - " + name)
        t.span(api, I, label, at, at + dur, root, scope=ex,
               attrs=[("http.route", "/api/users/me/address" if kind == "request_handler" else "/"),
                      ("express.name", name), ("express.type", kind)])
        at += dur + 0.15
    sh.expect("REFUSED", root,
              text='refused: PATCH /api/users/me/address → 400 Bad Request',
              notes="A 400 from the server itself: the handler's schema check rejected the postcode and answered 400 "
                    "without throwing, so there is no exception and no ERROR anywhere (semantic conventions leave "
                    "server 4xx unset). The customer was refused; the entry is the only span that can explain it.")
    return sh


def flask_psycopg2_operational_error():
    sh = Shape(31, "flask-psycopg2-operational-error", "FLASK_PSYCOPG2_OPERATIONAL_ERROR",
               "An order insert fails: PostgreSQL closed the connection; Flask answers 500.",
               "Python 3.12 Flask 3.0, SQLAlchemy 2.0 over psycopg2 2.9, OpenTelemetry Python SDK 1.27.0 / "
               "instrumentation 0.48b0 (flask, sqlalchemy)",
               "usr_shape31")
    t = sh.trace
    py = python(sh, "orders-py", "84c9d7b6f-vn5kt", "3.4.0")
    root = t.span(py, S, "POST /api/orders", 0, 27.4, scope=("opentelemetry.instrumentation.flask", PY), status=ERR(),
                  attrs=flask_server("POST", "/api/orders", "/api/orders", 500, "orders-py", "10.42.31.2")
                  + [("user.id", sh.user)])
    sa = ("opentelemetry.instrumentation.sqlalchemy", PY)
    db = [("db.system", "postgresql"), ("db.name", "shop"), ("db.user", "orders"), ("net.peer.name", "shop-db"),
          ("net.peer.port", 5432)]
    t.span(py, C, "SELECT shop", 2.0, 4.7, root, scope=sa,
           attrs=[("db.statement", "SELECT customers.id, customers.tier FROM customers WHERE customers.id = %(id_1)s")] + db)
    message = ("server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n"
               "\tbefore or while processing the request.\n")
    failing = t.span(py, C, "INSERT shop", 5.3, 21.9, root, scope=sa, status=ERR(message),
                     attrs=[("db.statement", "INSERT INTO orders (customer_id, status, total) VALUES (%(customer_id)s, "
                                             "%(status)s, %(total)s) RETURNING orders.id")] + db,
                     events=[python_exception(t, 21.8, "OperationalError", message, [
                         ("/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", 1967,
                          "_exec_single_context", "self.dialect.do_execute("),
                         ("/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/default.py", 941, "do_execute",
                          "cursor.execute(statement, parameters)")], "psycopg2.OperationalError")])
    sh.expect("FAILED", failing,
              text='failed: POST /api/orders → 500; root cause INSERT shop (OperationalError: server closed the '
                   'connection unexpectedly)',
              notes="The database span is ERROR with psycopg2's OperationalError as status description and exception "
                    "event (Python writes the class's short name, OperationalError, as exception.type). Flask's "
                    "server span is ERROR only because of the 500. The DB span is the deepest failing span.")
    return sh


def envoy_429_rate_limited():
    sh = Shape(32, "envoy-429-rate-limited", "ENVOY_429_RATE_LIMITED",
               "The edge gateway's rate-limit filter refuses a search with 429; no upstream is called.",
               "Envoy 1.31 edge gateway, Zipkin tracer, local rate-limit filter, custom tag user.id from x-user-id",
               "usr_shape32")
    t = sh.trace
    edge = Res("edge-gateway", origin="envoy", ip="10.42.32.4")
    root = t.span(edge, S, "api.shop.example", 0, 0.41,
                  attrs=[("component", "proxy"), ("downstream_cluster", "-"),
                         ("guid:x-request-id", sh.uuid()), ("http.method", "GET"), ("http.protocol", "HTTP/2"),
                         ("http.status_code", "429"), ("http.url", "https://api.shop.example/api/v1/search?q=tent"),
                         ("node_id", "edge-gateway-6f9c7d8b5-qz2kw"), ("peer.address", "203.0.113.77"),
                         ("request_size", "0"), ("response_flags", "RL"), ("response_size", "18"),
                         ("upstream_cluster", "search_backend"), ("upstream_cluster.name", "search_backend"),
                         ("user.id", sh.user), ("user_agent", UA_CHROME), ("zone", "eu-west-1a")],
                  remote={"ipv4": "203.0.113.77", "port": 61522})
    sh.expect("REFUSED", root,
              text='refused: GET /api/v1/search → 429 Too Many Requests (rate limited at the edge, response_flags=RL)',
              notes="A one-span trace: Envoy answered locally. 429 is a refusal, not a failure; Envoy sets error=true "
                    "only for 5xx or no response, so no span is failing. The reason is in the span's own tags "
                    "(response_flags=RL, no upstream_address), so the culprit is the entry.")
    return sh


def nginx_499_slow_upstream():
    sh = Shape(33, "nginx-499-slow-upstream", "NGINX_499_SLOW_UPSTREAM",
               "The customer's browser gives up on an export after 60 s (nginx logs 499); the upstream takes 96 s.",
               "ingress-nginx 1.11 with the OpenTelemetry module (otel-nginx, old HTTP attributes, span attribute "
               "user.id from a header) in front of a Flask app on OpenTelemetry Python SDK 1.27.0",
               "usr_shape33")
    t = sh.trace
    ing = Res("ingress-nginx", [("service.name", "ingress-nginx"), ("telemetry.sdk.language", "cpp"),
                                ("telemetry.sdk.name", "opentelemetry"), ("telemetry.sdk.version", "1.11.0"),
                                ("host.name", "ingress-nginx-controller-7d9c8b6f5-xk2lp")])
    exp = python(sh, "export-svc", "5b8d7f9c6-jw6hn", "1.3.2")
    root = t.span(ing, S, "HTTP GET", 0, 60003.2, scope=("nginx", ""),
                  attrs=[("http.method", "GET"), ("http.flavor", "1.1"), ("http.target", "/api/exports/2025.csv"),
                         ("http.server_name", "shop.example.com"), ("http.host", "shop.example.com"),
                         ("http.user_agent", UA_CHROME), ("http.scheme", "https"), ("net.host.port", 443),
                         ("net.peer.ip", "198.51.100.23"), ("net.peer.port", 50233), ("user.id", sh.user),
                         ("http.status_code", 499)])
    slow = t.span(exp, S, "GET /api/exports/<name>", 2.1, 95912.6, root,
                  scope=("opentelemetry.instrumentation.flask", PY),
                  attrs=flask_server("GET", "/api/exports/2025.csv", "/api/exports/<name>", 200, "export-svc",
                                     "10.42.33.3") + [("user.id", sh.user), ("export.rows", 1812204)])
    t.span(exp, C, "SELECT", 4.0, 312.7, slow, scope=("opentelemetry.instrumentation.psycopg2", PY),
           attrs=[("db.system", "postgresql"), ("db.name", "shop"), ("db.user", "exports"),
                  ("net.peer.name", "shop-db"), ("net.peer.port", 5432),
                  ("db.statement", "SELECT o.id, o.created_at, l.sku, l.qty, l.price FROM orders o JOIN order_lines l "
                                   "ON l.order_id = o.id WHERE o.customer_id = %s AND o.created_at >= %s")])
    sh.expect("FAILED", slow, timed_out=True,
              text='failed (timed out): GET /api/exports/2025.csv, the client closed the connection after 60.0 s '
                   '(499); the time went to export-svc GET /api/exports/<name> (95.9 s)',
              notes="499 is nginx's code for \"the client closed the connection\": nginx logged it after the browser "
                    "gave up at 60 s. It is a 4xx by number but a hang by meaning, and the module leaves it unset. "
                    "The upstream ran 95.9 s and its only child, the query, took 0.3 s: the time went into the "
                    "handler itself (fetching 1.8 M rows and writing CSV in Python, which has no spans), so following "
                    "the time down stops at the upstream server span.")
    return sh


def absorbed_under_ok_entry_own_error():
    sh = Shape(34, "absorbed-under-ok-entry-own-error", "ABSORBED_UNDER_OK_ENTRY_OWN_ERROR",
               "The entry fails by its own exception; the only other failure is a Redis error absorbed under an "
               "explicitly OK span.",
               "OpenTelemetry Java agent 2.10.0 (account-api); Go prefs-svc with otelhttp v0.49.0, go-redis v9 "
               "redisotel and XSAM/otelsql, which sets its server span status to OK explicitly",
               "usr_shape34")
    t = sh.trace
    api = java(sh, "account-api", "7b8c9d6f5-qm3ns", "6.2.0")
    prefs = go(sh, "prefs-svc", "5d6f7c8b9-rt8kw")
    http = ("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "0.49.0")
    message = ("Java 8 date/time type `java.time.Instant` not supported by default: add Module "
               "\"com.fasterxml.jackson.datatype:jackson-datatype-jsr310\" to enable handling (through reference chain: "
               "com.acme.account.PreferencesView[\"updatedAt\"])")
    root = t.span(api, S, "PUT /api/accounts/{id}/preferences", 0, 71.9, scope=jscope("tomcat-10.0"),
                  status=ERR(),
                  attrs=java_server("PUT", "/api/accounts/A-10293/preferences", "/api/accounts/{id}/preferences", 500,
                                    "10.42.34.2", "account-api",
                                    error_type="com.fasterxml.jackson.databind.exc.InvalidDefinitionException")
                  + [("user.id", sh.user)],
                  events=[java_exception(t, 70.6, "com.fasterxml.jackson.databind.exc.InvalidDefinitionException",
                                         message, [
                                             "com.fasterxml.jackson.databind.exc.InvalidDefinitionException.from(InvalidDefinitionException.java:77)",
                                             "com.fasterxml.jackson.databind.SerializerProvider.reportBadDefinition(SerializerProvider.java:1330)",
                                             "com.acme.account.web.PreferencesController.update(PreferencesController.java:49)"])])
    call = t.span(api, C, "GET", 3.0, 66.2, root, scope=jscope("java-http-client"),
                  attrs=java_client("GET", "http://prefs-svc:8080/prefs/A-10293", 200, "prefs-svc"))
    ok = t.span(prefs, S, "GET /prefs/{id}", 4.8, 64.5, call, scope=http, status=("OK", ""),
                attrs=[("http.method", "GET"), ("http.scheme", "http"), ("net.host.name", "prefs-svc"),
                       ("net.host.port", 8080), ("net.sock.peer.addr", "10.42.34.2"), ("net.sock.peer.port", 51022),
                       ("user_agent.original", "Java-http-client/21.0.5"), ("net.protocol.version", "1.1"),
                       ("http.route", "/prefs/{id}"), ("http.status_code", 200), ("http.response_content_length", 412)])
    absorbed = t.span(prefs, C, "get", 5.6, 36.1, ok, scope=("github.com/redis/go-redis/extra/redisotel", "9.5.1"),
                      status=ERR("redis: connection pool timeout"),
                      attrs=[("db.system", "redis"), ("db.connection_string", "redis://prefs-cache:6379"),
                             ("net.peer.name", "prefs-cache"), ("net.peer.port", 6379), ("code.function", "loadPrefs"),
                             ("code.filepath", "/src/prefs/store.go"), ("code.lineno", 58),
                             ("db.statement", "get prefs:A-10293")],
                      events=[go_error(t, 36.0, "*errors.errorString", "redis: connection pool timeout")])
    t.span(prefs, C, "sql.conn.query", 36.9, 61.8, ok, scope=("github.com/XSAM/otelsql", "0.29.0"),
           attrs=[("db.system", "postgresql"),
                  ("db.statement", "SELECT key, value, updated_at FROM preferences WHERE account_id = $1")])
    sh.expect("FAILED", root, recovered=[absorbed],
              text='failed: PUT /api/accounts/{id}/preferences → 500 (InvalidDefinitionException: Java 8 date/time '
                   'type `java.time.Instant` not supported by default …)',
              notes="Two failures, one of them irrelevant. The Redis read in prefs-svc failed, but prefs-svc fell back "
                    "to the database and set its own server span to OK explicitly, and answered 200: that failure "
                    "was absorbed and cannot be the culprit. The entry then failed on its own, serialising the "
                    "response (jackson cannot write java.time.Instant without the JSR-310 module). The deepest "
                    "failing span with no failing child is the entry itself, and its exception says why.")
    return sh


SHAPES = [hotrod_redis_retries, hotrod_mysql_lock, otel_demo_payment_failure, otel_demo_ad_failure,
          otel_demo_cart_failure, dotnet_unhandled_exception, express_400_validation, flask_psycopg2_operational_error,
          envoy_429_rate_limited, nginx_499_slow_upstream, absorbed_under_ok_entry_own_error]
