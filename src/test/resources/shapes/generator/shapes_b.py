"""Shapes 13-23: gRPC, exceptions on unset spans, messaging and links, partial traces, skew, fan-out,
OpenTracing-era attributes."""

from attrs import (UA_IOS, aspnet_server, flask_server, go_server, grpc_go, java_client, java_server, jdbc,
                   node_grpc_client, node_server, redis_py)
from model import (PY, Shape, demo, dotnet, dotnet_exception, go, go_error, java, java_exception, jscope,
                   node, node_exception, python, python_exception)
from wire import Res

S, C, I, P, K = "SERVER", "CLIENT", "INTERNAL", "PRODUCER", "CONSUMER"
GRPC = ("go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc", "0.49.0")
NODE_GRPC = ("@opentelemetry/instrumentation-grpc", "0.53.0")
NODE_HTTP = ("@opentelemetry/instrumentation-http", "0.53.0")


def ERR(message=""):
    return ("ERROR", message)


def messages(t, start_ms, end_ms, sent=60, received=0):
    """otelgrpc 0.49 message events: SENT then RECEIVED, with sizes."""
    events = [("message", t.at(start_ms), [("message.type", "SENT"), ("message.id", 1),
                                           ("message.uncompressed_size", sent)])]
    if received:
        events.append(("message", t.at(end_ms), [("message.type", "RECEIVED"), ("message.id", 1),
                                                 ("message.uncompressed_size", received)]))
    return events


def grpc_unavailable_payment():
    sh = Shape(13, "grpc-unavailable-payment", "GRPC_UNAVAILABLE_PAYMENT",
               "PlaceOrder fails with UNAVAILABLE: the payment service refused the connection.",
               "Go 1.22 gRPC services with otelgrpc v0.49.0 stats handlers (SDK 1.24.0); no span from payment",
               "usr_shape13")
    t = sh.trace
    co = go(sh, "checkout", "7b9d8c6f5-pz6ks")
    pc = go(sh, "product-catalog", "5c8b7d9f6-hm2vx")
    refused = ("connection error: desc = \"transport: Error while dialing: dial tcp 10.96.41.17:50051: connect: "
               "connection refused\"")
    root = t.span(co, S, "oteldemo.CheckoutService/PlaceOrder", 0, 42.7, scope=GRPC,
                  status=ERR("failed to charge card: could not charge the card: rpc error: code = Unavailable desc = "
                             + refused),
                  attrs=grpc_go("oteldemo.CheckoutService", "PlaceOrder", 14, "10.42.13.8", 48212)
                  + [("app.user.id", sh.user), ("user.id", sh.user), ("app.user.currency", "EUR")],
                  events=messages(t, 0.2, 42.5, 211))
    prep = t.span(co, I, "prepareOrderItemsAndShippingQuoteFromCart", 0.6, 30.1, root, scope=("checkout", ""),
                  attrs=[("app.cart.items.count", 2), ("app.order.items.count", 2)])
    get = t.span(co, C, "oteldemo.ProductCatalogService/GetProduct", 1.3, 12.4, prep, scope=GRPC,
                 attrs=grpc_go("oteldemo.ProductCatalogService", "GetProduct", 0, "10.96.33.5", 3550),
                 events=messages(t, 1.4, 12.3, 12, 318))
    t.span(pc, S, "oteldemo.ProductCatalogService/GetProduct", 3.1, 10.9, get, scope=GRPC,
           attrs=grpc_go("oteldemo.ProductCatalogService", "GetProduct", 0, "10.42.13.8", 56010)
           + [("app.product.id", "66VCHSJNUP"), ("app.product.name", "Starsense Explorer Refractor Telescope")],
           events=messages(t, 3.2, 10.8, 12, 318))
    charge = t.span(co, C, "oteldemo.PaymentService/Charge", 30.8, 41.9, root, scope=GRPC,
                    status=ERR(refused),
                    attrs=grpc_go("oteldemo.PaymentService", "Charge", 14, "10.96.41.17", 50051),
                    events=messages(t, 30.9, 41.9, 64))
    sh.expect("FAILED", charge,
              text='failed: PlaceOrder → 14 UNAVAILABLE; root cause Charge → 14 UNAVAILABLE (connection refused)',
              notes="UNAVAILABLE is a server-side fault, and otelgrpc marks it ERROR on both client and server. The "
                    "connection was refused, so payment never saw the call and reported no span: the client call is "
                    "the deepest failing span and the culprit.")
    return sh


def grpc_not_found_product():
    sh = Shape(14, "grpc-not-found-product", "GRPC_NOT_FOUND_PRODUCT",
               "A product page asks for a product that does not exist: product-catalog answers NOT_FOUND.",
               "OpenTelemetry demo 1.12: frontend (Next.js, Node SDK 1.26 / grpc instrumentation 0.53) and "
               "product-catalog (Go, otelgrpc)",
               "usr_shape14")
    t = sh.trace
    fe = demo(sh, "frontend", "nodejs", "1.26.0", "6d5f8b7c9-rk9tl")
    pc = demo(sh, "product-catalog", "go", "1.32.0", "77f9c6d8b-bn4pw")
    root = t.span(fe, S, "GET /api/products/[productId]", 0, 19.6, scope=NODE_HTTP,
                  attrs=node_server("GET", "/api/products/0PUK6V6EV9?currencyCode=USD", "/api/products/[productId]",
                                    404, "frontend", "10.42.14.2")
                  + [("app.user.id", sh.user), ("user.id", sh.user), ("next.span_type", "BaseServer.handleRequest")])
    message = "Product Not Found: 0PUK6V6EV9"
    call = t.span(fe, C, "grpc.oteldemo.ProductCatalogService/GetProduct", 2.4, 11.8, root, scope=NODE_GRPC,
                  status=ERR("5 NOT_FOUND: " + message),
                  attrs=node_grpc_client("oteldemo.ProductCatalogService", "GetProduct", 5, "product-catalog", 8080))
    missing = t.span(pc, S, "oteldemo.ProductCatalogService/GetProduct", 4.9, 9.7, call,
                     scope=("go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc", "0.57.0"),
                     status=ERR(message),
                     attrs=[("rpc.system", "grpc"), ("rpc.service", "oteldemo.ProductCatalogService"),
                            ("rpc.method", "GetProduct"), ("network.peer.address", "10.42.14.7"),
                            ("network.peer.port", 51874), ("app.product.id", "0PUK6V6EV9"),
                            ("rpc.grpc.status_code", 5)],
                     events=[(message, t.at(9.5), [])])
    sh.expect("REFUSED", missing,
              text='refused: GET /api/products/[productId] → 404 (product-catalog GetProduct → 5 NOT_FOUND: '
                   'Product Not Found: 0PUK6V6EV9)',
              notes="NOT_FOUND is the client's fault: the customer followed a link to a product that is gone, and "
                    "the frontend turned it into a 404. product-catalog's own code set the span to ERROR with the "
                    "reason and added an event of the same text (otelgrpc's later Unset for a server-side "
                    "NOT_FOUND does not override it). The reason lives on product-catalog's server span.")
    return sh


def python_exception_on_unset_span():
    sh = Shape(15, "python-exception-on-unset-span", "PYTHON_EXCEPTION_ON_UNSET_SPAN",
               "Checkout answers 500; the only exception is on an internal span whose status was left unset.",
               "Python 3.12 Flask 3.0 with OpenTelemetry Python SDK 1.27.0 / instrumentation 0.48b0 "
               "(manual span with record_exception, psycopg2)",
               "usr_shape15")
    t = sh.trace
    py = python(sh, "checkout-py", "6f7c8d9b5-zt3qm", "1.19.2")
    flask = ("opentelemetry.instrumentation.flask", PY)
    root = t.span(py, S, "POST /api/checkout", 0, 63.5, scope=flask, status=ERR(),
                  attrs=flask_server("POST", "/api/checkout", "/api/checkout", 500, "checkout-py", "10.42.15.3")
                  + [("user.id", sh.user)])
    t.span(py, C, "SELECT", 2.2, 8.9, root, scope=("opentelemetry.instrumentation.psycopg2", PY),
           attrs=[("db.system", "postgresql"), ("db.name", "shop"), ("db.user", "checkout"),
                  ("net.peer.name", "shop-db"), ("net.peer.port", 5432),
                  ("db.statement", "SELECT id, sku, qty, unit_price FROM cart_items WHERE cart_id = %s")])
    frames = [("/app/checkout/coupons.py", 58, "validate_coupon", "pct = coupon.rules[\"discount_pct\"]"),
              ("/app/checkout/views.py", 112, "checkout", "discount = validate_coupon(cart, request.json[\"coupon\"])")]
    coupon = t.span(py, I, "validate_coupon", 9.6, 14.1, root, scope=("checkout.coupons", ""),
                    attrs=[("coupon.code", "WINTER25"), ("user.id", sh.user)],
                    events=[python_exception(t, 13.9, "KeyError", "'discount_pct'", frames)])
    sh.expect("FAILED", coupon,
              text="failed: POST /api/checkout → 500; root cause validate_coupon (KeyError: 'discount_pct')",
              notes="The application wraps validate_coupon in its own span and calls span.record_exception(exc) before "
                    "re-raising, but never sets the status: the span stays UNSET. Flask's error handler turned the "
                    "KeyError into a 500, and only the server span is ERROR, with no exception of its own. The "
                    "exception event is the evidence: a careful engineer names validate_coupon.")
    return sh


def kafka_consumer_same_trace():
    sh = Shape(16, "kafka-consumer-same-trace", "KAFKA_CONSUMER_SAME_TRACE",
               "The order is accepted with 202; the Kafka consumer that fulfils it fails in the same trace.",
               "OpenTelemetry Java agent 2.10.0 (Spring Boot 3.3, kafka-clients 3.7 producer, spring-kafka listener, "
               "JDBC)",
               "usr_shape16")
    t = sh.trace
    api = java(sh, "order-api", "6c9d7f5b8-n5qxr", "2.14.0")
    ful = java(sh, "fulfilment-svc", "5b9c8f7d6-vk8tz", "1.12.4")
    root = t.span(api, S, "POST /orders", 0, 38.4, scope=jscope("tomcat-10.0"),
                  attrs=java_server("POST", "/orders", "/orders", 202, "10.42.16.2", "order-api")
                  + [("user.id", sh.user)])
    t.span(api, C, "INSERT shop.orders", 3.1, 11.6, root, scope=jscope("jdbc"),
           attrs=jdbc("INSERT", "orders", "shop", "insert into orders (customer_id,status,total,id) values (?,?,?,?)",
                      "shop-db"))
    kafka = [("messaging.client_id", "producer-1"), ("messaging.destination.name", "orders"),
             ("messaging.destination.partition.id", "3"), ("messaging.kafka.message.key", "ORD-7790051"),
             ("messaging.kafka.message.offset", 1884213), ("messaging.operation", "publish"),
             ("messaging.system", "kafka")]
    pub = t.span(api, P, "orders publish", 12.3, 35.8, root, scope=jscope("kafka-clients-0.11"), attrs=kafka)
    message = "SKU 8841-XL has no stock in warehouse DUB1 (requested 2, available 0)"
    consume = t.span(ful, K, "orders process", 61.7, 143.2, pub, scope=jscope("spring-kafka-2.7"), status=ERR(message),
                     attrs=[("messaging.client_id", "consumer-fulfilment-1"),
                            ("messaging.destination.name", "orders"),
                            ("messaging.destination.partition.id", "3"),
                            ("messaging.kafka.consumer.group", "fulfilment"),
                            ("messaging.kafka.message.key", "ORD-7790051"),
                            ("messaging.kafka.message.offset", 1884213),
                            ("messaging.message.body.size", 412), ("messaging.operation", "process"),
                            ("messaging.system", "kafka"), ("user.id", sh.user)],
                     events=[java_exception(t, 142.6, "com.acme.fulfilment.StockReservationException", message, [
                         "com.acme.fulfilment.StockReserver.reserve(StockReserver.java:77)",
                         "com.acme.fulfilment.OrderListener.onOrder(OrderListener.java:31)",
                         "org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter.invokeHandler(MessagingMessageListenerAdapter.java:380)"])])
    t.span(ful, C, "SELECT fulfilment.stock_levels", 70.4, 139.5, consume, scope=jscope("jdbc"),
           attrs=jdbc("SELECT", "stock_levels", "fulfilment",
                      "select sl1_0.available from stock_levels sl1_0 where sl1_0.sku=? and sl1_0.warehouse=? for update",
                      "fulfilment-db"))
    sh.expect("FAILED", consume, asynchronous=True,
              text='failed (after answering 202): orders process in fulfilment-svc (StockReservationException)',
              notes="The customer got 202 Accepted, but the work behind it failed: the listener threw, the agent "
                    "recorded the exception on the CONSUMER span and made it ERROR. With the agent's defaults "
                    "(no receive spans) the process span is a child of the producer span, so it is in the same "
                    "trace. What the customer will see is the order never shipping: a failure, asynchronous.")
    return sh


def amqp_consumer_linked_trace():
    sh = Shape(17, "amqp-consumer-linked-trace", "AMQP_CONSUMER_LINKED_TRACE",
               "The order is accepted with 202; the RabbitMQ consumer runs in its own trace, linked back, and fails.",
               "Node.js 20 with OpenTelemetry JS SDK 1.26 (instrumentation-http 0.53, -express 0.42, -pg 0.45, "
               "-amqplib 0.42 with useLinksForConsume: true)",
               "usr_shape17")
    t = sh.trace
    web = node(sh, "checkout-web", "59f7c8d6b-pw2hm")
    worker = node(sh, "fulfilment-worker", "7d8b9c6f5-ls4nr", "1.6.0")
    root = t.span(web, S, "POST /api/orders", 0, 27.9, scope=NODE_HTTP,
                  attrs=node_server("POST", "/api/orders", "/api/orders", 202, "checkout-web", "10.42.17.2",
                                    text="ACCEPTED") + [("user.id", sh.user)])
    pg = ("@opentelemetry/instrumentation-pg", "0.45.0")
    t.span(web, C, "pg.query:INSERT shop", 4.0, 10.8, root, scope=pg,
           attrs=[("db.system", "postgresql"), ("db.name", "shop"), ("db.connection_string", "postgresql://shop-db:5432/shop"),
                  ("net.peer.name", "shop-db"), ("net.peer.port", 5432), ("db.user", "checkout"),
                  ("db.statement", "INSERT INTO orders (id, customer_id, status) VALUES ($1, $2, $3)")])
    amqp = ("@opentelemetry/instrumentation-amqplib", "0.42.0")
    conn = [("messaging.protocol", "AMQP"), ("messaging.protocol_version", "0.9.1"), ("messaging.system", "rabbitmq"),
            ("net.peer.name", "rabbitmq"), ("net.peer.port", 5672), ("messaging.url", "amqp://rabbitmq:5672")]
    pub = t.span(web, P, "publish orders", 11.5, 14.2, root, scope=amqp,
                 attrs=conn + [("messaging.destination", "orders"), ("messaging.destination_kind", "topic"),
                               ("messaging.rabbitmq.routing_key", "order.created"),
                               ("messaging.message_id", "ORD-7791188")])
    lt = sh.link_trace(88.0)
    message = "deadlock detected"
    consume = lt.span(worker, K, "fulfilment.orders process", 0, 1043.6, scope=amqp, status=ERR(message),
                      links=[(t.id, pub.id, [])],
                      attrs=conn + [("messaging.destination", "orders"), ("messaging.destination_kind", "topic"),
                                    ("messaging.rabbitmq.routing_key", "order.created"),
                                    ("messaging.operation", "process"), ("messaging.message_id", "ORD-7791188")])
    lt.span(worker, C, "pg.query:SELECT fulfilment", 2.4, 7.7, consume, scope=pg,
            attrs=[("db.system", "postgresql"), ("db.name", "fulfilment"), ("net.peer.name", "fulfilment-db"),
                   ("net.peer.port", 5432), ("db.user", "worker"),
                   ("db.statement", "SELECT sku, qty FROM order_lines WHERE order_id = $1")])
    failing = lt.span(worker, C, "pg.query:UPDATE fulfilment", 8.3, 1036.9, consume, scope=pg, status=ERR(message),
                      attrs=[("db.system", "postgresql"), ("db.name", "fulfilment"), ("net.peer.name", "fulfilment-db"),
                             ("net.peer.port", 5432), ("db.user", "worker"),
                             ("db.statement", "UPDATE stock SET reserved = reserved + $1 WHERE sku = $2 AND warehouse = $3")],
                      events=[node_exception(lt, 1036.5, "error", message, [
                          "Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:283:98)",
                          "Parser.handlePacket (/app/node_modules/pg-protocol/dist/parser.js:122:29)",
                          "async reserveStock (/app/src/stock.js:41:5)",
                          "async Channel.<anonymous> (/app/src/consumer.js:23:7)"])])
    sh.expect("FAILED", failing, asynchronous=True,
              text='failed (after answering 202): linked trace fulfilment.orders process → pg.query:UPDATE '
                   'fulfilment (deadlock detected)',
              notes="Only the producer's trace carries user.id, so only it is found. With useLinksForConsume the "
                    "consumer starts a new trace whose CONSUMER span links to the publish span. The main trace "
                    "alone looks like a success (202, no error); following the link finds the consumer's failure, "
                    "whose deepest failing span is the UPDATE that hit a deadlock (pg's error name is \"error\").")
    sh.format_notes = ("Zipkin cannot hold a span link; the Collector's zipkin exporter keeps it as the tag "
                       "otlp.link.0=\"<trace>|<span>||{}|0\", which zipkin.json has and no reader follows. "
                       "Jaeger shows it as a FOLLOWS_FROM reference into the producer's trace.")
    return sh


def kafka_batch_consumer_with_user():
    sh = Shape(18, "kafka-batch-consumer-with-user", "KAFKA_BATCH_CONSUMER_WITH_USER",
               "The customer's own trace is a batch consumer that fails; its producer ran in another trace.",
               "OpenTelemetry Java agent 2.10.0 (spring-kafka batch listener: a new trace whose process span links "
               "to each record's producer; @Scheduled producer job)",
               "usr_shape18")
    lt = None
    t = sh.trace
    worker = java(sh, "invoice-worker", "6f9b7c8d5-gx6mn", "0.9.3")
    sched = java(sh, "billing-scheduler", "7c6d8b9f5-rw3jt", "0.9.3")
    lt = sh.link_trace(-1650.0)
    job = lt.span(sched, I, "BillingRunJob.execute", 0, 212.4, scope=jscope("spring-scheduling-3.1"),
                  attrs=[("code.function", "execute"), ("code.namespace", "com.acme.billing.BillingRunJob"),
                         ("job.system", "spring_scheduling")])
    pub = lt.span(sched, P, "invoices publish", 151.0, 158.7, job, scope=jscope("kafka-clients-0.11"),
                  attrs=[("messaging.client_id", "producer-1"), ("messaging.destination.name", "invoices"),
                         ("messaging.destination.partition.id", "0"), ("messaging.kafka.message.key", sh.user),
                         ("messaging.kafka.message.offset", 77120), ("messaging.operation", "publish"),
                         ("messaging.system", "kafka")])
    message = "Template 'invoice-v7' needs field vatNumber, which customer " + sh.user + " has not set"
    consume = t.span(worker, K, "invoices process", 0, 421.3, scope=jscope("spring-kafka-2.7"), status=ERR(message),
                     links=[(lt.id, pub.id, [])],
                     attrs=[("messaging.batch.message_count", 1), ("messaging.client_id", "consumer-invoices-1"),
                            ("messaging.destination.name", "invoices"),
                            ("messaging.kafka.consumer.group", "invoice-worker"), ("messaging.operation", "process"),
                            ("messaging.system", "kafka"), ("user.id", sh.user)],
                     events=[java_exception(t, 420.8, "com.acme.billing.InvoiceRenderException", message, [
                         "com.acme.billing.render.InvoiceRenderer.render(InvoiceRenderer.java:64)",
                         "com.acme.billing.InvoiceListener.onBatch(InvoiceListener.java:39)",
                         "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.invokeBatchOnMessage(KafkaMessageListenerContainer.java:2459)"])])
    t.span(worker, C, "SELECT billing.customers", 4.2, 9.8, consume, scope=jscope("jdbc"),
           attrs=jdbc("SELECT", "customers", "billing", "select c1_0.id,c1_0.name,c1_0.vat_number from customers c1_0 "
                                                        "where c1_0.id=?", "billing-db"))
    t.span(worker, C, "GET", 10.6, 402.5, consume, scope=jscope("java-http-client"),
           attrs=java_client("GET", "http://tax-api:8080/v1/rates?country=IE", 200, "tax-api"))
    sh.expect("FAILED", consume,
              text="failed: invoices process (InvoiceRenderException: Template 'invoice-v7' needs field vatNumber …)",
              notes="Here the customer's trace is the consumer: the listener copied the record key into user.id. Its "
                    "CONSUMER span is the entry, ERROR with the exception, and has no failing child, so it is both "
                    "what the customer saw (no invoice) and the culprit. Its FOLLOWS_FROM link leads to the nightly "
                    "billing run that produced the record, which succeeded; following it adds context, not blame.")
    sh.format_notes = ("Zipkin keeps the link only as the tag otlp.link.0 (Collector exporter); Jaeger as a "
                       "FOLLOWS_FROM reference into the producer's trace.")
    return sh


def missing_root_partial():
    sh = Shape(19, "missing-root-partial", "MISSING_ROOT_PARTIAL",
               "The gateway's entry span never arrived; of its two children one answered 503.",
               "Python 3.12 Flask services with OpenTelemetry Python SDK 1.27.0 / 0.48b0 (redis-py, psycopg2); the "
               "gateway's span was dropped by its exporter",
               "usr_shape19")
    t = sh.trace
    missing = t.new_id()
    search = python(sh, "search-svc", "5d7f9c8b6-fn8tq", "4.0.2")
    recs = python(sh, "recs-svc", "6b8d7c9f5-kq7wd", "2.8.1")
    flask = ("opentelemetry.instrumentation.flask", PY)
    ok = t.span(search, S, "GET /search", 3.2, 58.1, missing, scope=flask,
                attrs=flask_server("GET", "/search?q=boots", "/search", 200, "search-svc", "10.42.19.2")
                + [("user.id", sh.user)])
    t.span(search, C, "SELECT", 5.0, 51.3, ok, scope=("opentelemetry.instrumentation.psycopg2", PY),
           attrs=[("db.system", "postgresql"), ("db.name", "catalog"), ("db.user", "search"),
                  ("net.peer.name", "catalog-db"), ("net.peer.port", 5432),
                  ("db.statement", "SELECT id, title FROM products WHERE title ILIKE %s LIMIT 20")])
    failing = t.span(recs, S, "GET /recommendations", 3.6, 11.9, missing, scope=flask, status=ERR(),
                     attrs=flask_server("GET", "/recommendations?limit=8", "/recommendations", 503, "recs-svc",
                                        "10.42.19.2") + [("user.id", sh.user)])
    message = "Error 111 connecting to recs-cache:6379. Connection refused."
    frames = [("/app/recs/cache.py", 22, "cached_recommendations", "hit = self._redis.get(key)"),
              ("/usr/local/lib/python3.12/site-packages/redis/connection.py", 357, "connect",
               "raise ConnectionError(self._error_message(e))")]
    cache = t.span(recs, C, "GET", 4.8, 9.1, failing, scope=("opentelemetry.instrumentation.redis", PY),
                   attrs=redis_py("GET ?", "recs-cache"), status=ERR("ConnectionError: " + message),
                   events=[python_exception(t, 9.0, "ConnectionError", message, frames,
                                            "redis.exceptions.ConnectionError")])
    sh.expect("FAILED", cache, entry_missing=True,
              text='entry span missing; failed: recs-svc GET /recommendations → 503, root cause GET (redis) '
                   '(ConnectionError)',
              notes="Both server spans name a parent that is not in the trace: the api-gateway's SERVER span was "
                    "never exported. The card must say the entry is missing and judge from what is there: one "
                    "orphan answered 200, the other 503 because its Redis cache refused the connection. The Redis "
                    "client span is the deepest failing span on the failing side.")
    return sh


def orphaned_failing_subtree():
    sh = Shape(20, "orphaned-failing-subtree", "ORPHANED_FAILING_SUBTREE",
               "The page answered 200; a failing ranker call hangs below a span that was never reported.",
               "ASP.NET Core 8 with OpenTelemetry .NET 1.9.0 (web), Go otelhttp v0.49.0 (ranker); recs-svc lost "
               "spans to a full export queue",
               "usr_shape20")
    t = sh.trace
    web = dotnet(sh, "shop-web", "8c7d6b9f5-mz5vq")
    ranker = go(sh, "ranker", "5f6d9b8c7-tj9xw")
    http = ("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "0.49.0")
    root = t.span(web, S, "GET /", 0, 182.4, scope=("Microsoft.AspNetCore", ""),
                  attrs=aspnet_server("GET", "/", "/", 200, "shop-web") + [("user.id", sh.user)])
    call = t.span(web, C, "GET", 8.2, 171.6, root, scope=("System.Net.Http", ""),
                  attrs=[("http.request.method", "GET"), ("server.address", "recs-svc"), ("server.port", 8080),
                         ("url.full", "http://recs-svc:8080/v1/home?limit=12"), ("network.protocol.version", "1.1"),
                         ("http.response.status_code", 200)])
    lost_client = t.new_id()  # recs-svc's server span and its client span to the ranker were dropped
    failing = t.span(ranker, S, "POST /rank", 14.7, 96.3, lost_client, scope=http, status=ERR(),
                     attrs=go_server("POST", "/rank", 500, "ranker", "10.42.20.9", route="/rank",
                                     ua="python-requests/2.32.3") + [("http.response_content_length", 37)],
                     events=[go_error(t, 96.0, "*errors.errorString",
                                      "model snapshot 2026-02-05T23:00Z not loaded: context deadline exceeded")])
    sh.expect("RECOVERED", None, recovered=[failing],
              text='succeeded (an orphaned ranker POST /rank → 500 was absorbed)',
              notes="RECOVERED, not SUCCEEDED: there is a real failure in the trace, but the entry answered 200 and "
                    "recs-svc's answer to it was 200, so something above the ranker absorbed it (recs-svc fell back "
                    "to its popularity list; its own spans were lost, so the absorbing span cannot be seen). The "
                    "orphan hangs under the synthetic root. It must not turn a 200 into a failure, nor be named as "
                    "the culprit of a success.")
    return sh


def clock_skew_failure():
    sh = Shape(21, "clock-skew-failure", "CLOCK_SKEW_FAILURE",
               "A transfer fails in ledger-svc, whose host clock runs 80 ms behind: its span starts before its caller's.",
               "OpenTelemetry Java agent 2.10.0 (web) and ASP.NET Core 8 / OpenTelemetry .NET 1.9.0 with Npgsql 8 "
               "(ledger-svc, on a host with a skewed clock)",
               "usr_shape21")
    t = sh.trace
    web = java(sh, "transfer-api", "6d9b8c7f5-hs2lk", "7.3.0")
    ledger = dotnet(sh, "ledger-svc", "5c7b9d8f6-bq4zn")
    root = t.span(web, S, "POST /api/transfers", 0, 450.6, scope=jscope("tomcat-10.0"), status=ERR(),
                  attrs=java_server("POST", "/api/transfers", "/api/transfers", 500, "10.42.21.2", "transfer-api")
                  + [("user.id", sh.user)])
    call = t.span(web, C, "POST", 100.2, 402.8, root, scope=jscope("java-http-client"), status=ERR(),
                  attrs=java_client("POST", "http://ledger-svc:8080/ledger/entries", 500, "ledger-svc"))
    skew = -80.0
    message = "Ledger account 7731-0042 is frozen"
    failing = t.span(ledger, S, "POST /ledger/entries", 103.5 + skew - 3.4, 522.9, call,
                     scope=("Microsoft.AspNetCore", ""), status=ERR(),
                     attrs=aspnet_server("POST", "/ledger/entries", "ledger/entries", 500, "ledger-svc",
                                         error_type="System.InvalidOperationException", ua="Java-http-client/21.0.5")
                     + [("user.id", sh.user)],
                     events=[dotnet_exception(t, 522.1, "System.InvalidOperationException", message, [
                         "Acme.Ledger.Accounts.Account.Debit(Money amount) in /src/Acme.Ledger/Accounts/Account.cs:line 88",
                         "Acme.Ledger.EntryService.PostAsync(EntryRequest request) in /src/Acme.Ledger/EntryService.cs:line 47",
                         "Microsoft.AspNetCore.Http.RequestDelegateFactory.<ExecuteTaskResult>g__ExecuteAwaited|129_0[T](Task`1 task, HttpContext httpContext, JsonTypeInfo`1 jsonTypeInfo)"])])
    t.span(ledger, C, "ledger", 110.0 + skew, 318.4 + skew, failing, scope=("Npgsql", "8.0.3"),
           attrs=[("db.system", "postgresql"), ("db.connection_id", 41), ("db.user", "ledger"),
                  ("db.connection_string", "Host=ledger-db;Database=ledger;Username=ledger"),
                  ("db.name", "ledger"), ("db.statement", "SELECT id, status, balance FROM accounts WHERE id = $1 FOR UPDATE"),
                  ("net.peer.name", "ledger-db"), ("net.transport", "ip_tcp")])
    sh.expect("FAILED", failing,
              text='failed: POST /api/transfers → 500; root cause ledger-svc POST /ledger/entries '
                   '(InvalidOperationException: Ledger account 7731-0042 is frozen)',
              notes="ledger-svc's clock is about 80 ms behind, so its server span starts 80 ms before the client "
                    "span that caused it; and since ASP.NET Core ends the span only after Response.OnCompleted "
                    "callbacks (a 200 ms audit write after the 500 was flushed), it \"ends\" 72 ms after the whole "
                    "request. "
                    "Parent-child links are by ID, not by time: the culprit is still the skewed server span with the "
                    "exception (its query child succeeded). Time-based reasoning (critical path, containment) must "
                    "not drop or misplace it.")
    return sh


def fanout_two_failures():
    sh = Shape(22, "fanout-two-failures", "FANOUT_TWO_FAILURES",
               "The home screen calls loyalty and recommendations in parallel; both fail and the BFF answers 500.",
               "Node.js 20 BFF with OpenTelemetry JS SDK 1.26 (http 0.53, express 0.42, Promise.all fan-out); "
               "loyalty-svc on the Java agent 2.10.0, recs-svc on Python SDK 1.27.0",
               "usr_shape22")
    t = sh.trace
    bff = node(sh, "mobile-bff", "74c8d9b6f-cn5vs", "5.2.0")
    loyalty = java(sh, "loyalty-svc", "5b8f7d6c9-wp2xg", "2.0.7")
    recs = python(sh, "recs-svc", "6d9c8f7b5-zq4hr", "2.8.1")
    message = "CircuitBreaker 'points-db' is OPEN and does not permit further calls"
    root = t.span(bff, S, "GET /api/home", 0, 431.2, scope=NODE_HTTP, status=ERR(),
                  attrs=node_server("GET", "/api/home", "/api/home", 500, "mobile-bff", "10.42.22.3", ua=UA_IOS)
                  + [("user.id", sh.user)],
                  events=[node_exception(t, 37.9, "Error", "loyalty-svc answered 500: " + message, [
                      "fetchJson (/app/src/upstream.js:31:11)",
                      "process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
                      "async Promise.all (index 0)",
                      "async homeHandler (/app/src/routes/home.js:18:30)"])])
    l_call = t.span(bff, C, "GET", 4.0, 36.8, root, scope=NODE_HTTP, status=ERR(),
                    attrs=[("http.url", "http://loyalty-svc:8080/v1/points/" + sh.user), ("http.method", "GET"),
                           ("http.target", "/v1/points/" + sh.user), ("net.peer.name", "loyalty-svc"),
                           ("http.host", "loyalty-svc:8080"), ("net.peer.ip", "10.96.22.40"), ("net.peer.port", 8080),
                           ("http.status_code", 500), ("http.status_text", "INTERNAL SERVER ERROR"), ("http.flavor", "1.1")])
    first = t.span(loyalty, S, "GET /v1/points/{userId}", 6.9, 33.5, l_call, scope=jscope("tomcat-10.0"), status=ERR(),
                   attrs=java_server("GET", "/v1/points/" + sh.user, "/v1/points/{userId}", 500, "10.42.22.3",
                                     "loyalty-svc", error_type="io.github.resilience4j.circuitbreaker.CallNotPermittedException",
                                     ua="node") + [("user.id", sh.user)],
                   events=[java_exception(t, 33.0, "io.github.resilience4j.circuitbreaker.CallNotPermittedException",
                                          message, [
                                              "io.github.resilience4j.circuitbreaker.CallNotPermittedException.createCallNotPermittedException(CallNotPermittedException.java:48)",
                                              "com.acme.loyalty.PointsService.balance(PointsService.java:52)",
                                              "com.acme.loyalty.web.PointsController.points(PointsController.java:27)"])])
    r_call = t.span(bff, C, "GET", 4.3, 426.9, root, scope=NODE_HTTP, status=ERR(),
                    attrs=[("http.url", "http://recs-svc:5000/v2/home?user=" + sh.user), ("http.method", "GET"),
                           ("http.target", "/v2/home?user=" + sh.user), ("net.peer.name", "recs-svc"),
                           ("http.host", "recs-svc:5000"), ("net.peer.ip", "10.96.22.51"), ("net.peer.port", 5000),
                           ("http.status_code", 503), ("http.status_text", "SERVICE UNAVAILABLE"), ("http.flavor", "1.1")])
    second = t.span(recs, S, "GET /v2/home", 8.0, 424.6, r_call, scope=("opentelemetry.instrumentation.flask", PY),
                    status=ERR(), attrs=flask_server("GET", "/v2/home?user=" + sh.user, "/v2/home", 503, "recs-svc",
                                                     "10.42.22.3", ua="node"))
    msg2 = "Timeout reading from recs-cache:6379"
    cache = t.span(recs, C, "HGETALL", 9.9, 411.0, second, scope=("opentelemetry.instrumentation.redis", PY),
                   attrs=redis_py("HGETALL ?", "recs-cache"), status=ERR("TimeoutError: " + msg2),
                   events=[python_exception(t, 410.8, "TimeoutError", msg2, [
                       ("/app/recs/home.py", 64, "home_feed", "rows = self._redis.hgetall(f\"home:{user}\")")],
                       "redis.exceptions.TimeoutError")])
    sh.expect("FAILED", first,
              text='failed: GET /api/home → 500; root cause loyalty-svc GET /v1/points/{userId} '
                   '(CallNotPermittedException); 1 other failing branch (recs-svc → 503)',
              notes="Two independent branches failed. The loyalty branch is the one a careful engineer names: it "
                    "failed first (33 ms, while recs was still waiting on Redis), Promise.all rejected with its "
                    "error, the BFF's error middleware recorded exactly that error on the entry span, and its 500 "
                    "matches the entry's 500 (recs answered 503). The recs branch (HGETALL timed out after 400 ms) "
                    "is a second failure: counted and reachable, not the root cause.")
    sh.others = [cache]
    return sh


def opentracing_old_attributes():
    sh = Shape(23, "opentracing-old-attributes", "OPENTRACING_OLD_ATTRIBUTES",
               "An OpenTracing-era order service fails with 500 because inventory's connection pool timed out.",
               "Jaeger Java client 1.8.1 with opentracing-contrib java-web-servlet-filter and okhttp (OpenTracing "
               "0.33), reporting through jaeger-agent",
               "usr_shape23")
    t = sh.trace
    orders = Res("legacy-orders", [("client-uuid", "3f2a9c71d84b0e56"), ("hostname", "legacy-orders-7f9d-2kq4x"),
                                   ("ip", "10.42.23.11"), ("jaeger.version", "Java-1.8.1")], origin="jaeger")
    inv = Res("inventory", [("client-uuid", "5d1e8b20c7a94f63"), ("hostname", "inventory-6b8c-q8wzr"),
                            ("ip", "10.42.23.27"), ("jaeger.version", "Java-1.8.1")], origin="jaeger")
    root = t.span(orders, None, "POST", 0, 30112.0,
                  attrs=[("sampler.type", "probabilistic"), ("sampler.param", 0.1), ("span.kind", "server"),
                         ("component", "java-web-servlet"), ("http.method", "POST"),
                         ("http.url", "http://legacy-orders.internal/orders"), ("enduser.id", sh.user),
                         ("http.status_code", "500"), ("error", True)])
    call = t.span(orders, None, "GET", 6.0, 30104.2, root,
                  attrs=[("span.kind", "client"), ("component", "okhttp"), ("http.method", "GET"),
                         ("http.url", "http://inventory.internal/stock?sku=LX-2231"), ("peer.service", "inventory"),
                         ("peer.hostname", "inventory.internal"), ("peer.port", 80), ("http.status_code", "500"),
                         ("error", True)])
    message = "HikariPool-1 - Connection is not available, request timed out after 30000ms."
    stack = ("java.sql.SQLTransientConnectionException: " + message + "\n"
             "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n"
             "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)\n"
             "\tat com.acme.inventory.StockDao.find(StockDao.java:44)\n")
    failing = t.span(inv, None, "GET", 9.4, 30101.8, call,
                     attrs=[("span.kind", "server"), ("component", "java-web-servlet"), ("http.method", "GET"),
                            ("http.url", "http://inventory.internal/stock"), ("http.status_code", "500"),
                            ("error", True)],
                     events=[(None, t.at(30100.9), [("event", "error"),
                                                    ("error.kind", "java.sql.SQLTransientConnectionException"),
                                                    ("error.object", "java.sql.SQLTransientConnectionException: " + message),
                                                    ("message", message), ("stack", stack)])])
    sh.expect("FAILED", failing,
              text='failed: POST → 500; root cause inventory GET (SQLTransientConnectionException: HikariPool-1 - '
                   'Connection is not available …)',
              notes="Nothing here speaks OpenTelemetry: span.kind and error=true are tags, the status code is the "
                    "string \"500\", the user is enduser.id, the peer is peer.service, and the reason is an "
                    "OpenTracing error log (event=error, error.kind, error.object, message, stack). The Collector's "
                    "jaeger receiver turns error=true into status ERROR for the OTLP form. The deepest failing span, "
                    "inventory's server span with the error log, is the culprit.")
    sh.format_notes = ("Jaeger form is native (internal.span.format=proto); the OTLP form is the Collector's "
                       "jaeger receiver output (hostname→host.name, jaeger.version→opencensus.exporterversion); the "
                       "Zipkin form goes on through the Collector's zipkin exporter.")
    return sh


SHAPES = [grpc_unavailable_payment, grpc_not_found_product, python_exception_on_unset_span, kafka_consumer_same_trace,
          amqp_consumer_linked_trace, kafka_batch_consumer_with_user, missing_root_partial, orphaned_failing_subtree,
          clock_skew_failure, fanout_two_failures, opentracing_old_attributes]
