package dev.tracelookup.demo;

import static dev.tracelookup.demo.DemoService.INVENTORY_SVC;
import static dev.tracelookup.demo.DemoService.NOTIFICATION_SVC;
import static dev.tracelookup.demo.DemoService.ORDER_SVC;
import static dev.tracelookup.demo.DemoService.PAYMENT_SVC;
import static dev.tracelookup.demo.DemoService.Scope.DB;
import static dev.tracelookup.demo.DemoService.Scope.HTTP;
import static dev.tracelookup.demo.DemoService.Scope.MANUAL;
import static dev.tracelookup.demo.DemoService.Scope.MESSAGING;
import static dev.tracelookup.demo.DemoService.Scope.RPC;
import static dev.tracelookup.trace.SpanKind.CLIENT;
import static dev.tracelookup.trace.SpanKind.CONSUMER;
import static dev.tracelookup.trace.SpanKind.INTERNAL;
import static dev.tracelookup.trace.SpanKind.PRODUCER;
import static dev.tracelookup.trace.SpanKind.SERVER;

/** The order-svc requests, which enter the shop directly at order-svc. */
final class OrderScenarios {
  private OrderScenarios() {}

  /**
   * {@code POST /api/v1/orders}. With {@link Outcome#GATEWAY_DOWN} it is the write-up's trace:
   *
   * <pre>
   * POST /api/v1/orders (order-svc, 500)
   *   order.validate
   *   inventory.check_stock (inventory-svc) > SELECT inventory.stock
   *   payment.process_charge (ERROR)
   *     POST payment-svc/charge (CLIENT, 502, ConnectionRefusedError: payment gateway timeout)
   * </pre>
   */
  static void placeOrder(TraceBuilder t, String user, Outcome outcome) {
    boolean gatewayDown = outcome == Outcome.GATEWAY_DOWN;
    double chargeMs = gatewayDown ? 1800 + t.about(30) : t.about(260);
    double totalMs = outcome == Outcome.OUT_OF_STOCK ? t.about(70) : 66 + chargeMs + 12;
    int status = gatewayDown ? 500 : outcome == Outcome.OUT_OF_STOCK ? 409 : 201;
    DemoSpan root = t.root(ORDER_SVC, HTTP, "POST /api/v1/orders", SERVER, totalMs);
    Conventions.httpServer(root, "POST", "/api/v1/orders", "/api/v1/orders", status);
    Conventions.user(root, user);
    t.child(root, ORDER_SVC, MANUAL, "order.validate", INTERNAL, 3, t.about(11));
    DemoSpan stock =
        t.child(root, INVENTORY_SVC, RPC, "inventory.check_stock", SERVER, 18, t.about(40));
    Conventions.grpcServer(stock, "inventory.v1.InventoryService", "CheckStock");
    Conventions.user(stock, user);
    DemoSpan query =
        t.child(stock, INVENTORY_SVC, DB, "SELECT inventory.stock", CLIENT, 22, t.about(25));
    Conventions.db(
        query,
        "postgresql",
        "SELECT",
        "stock",
        "SELECT sku, available FROM stock WHERE sku = ANY(?)");
    if (outcome == Outcome.OUT_OF_STOCK) {
      return;
    }
    DemoSpan charge =
        t.child(root, ORDER_SVC, MANUAL, "payment.process_charge", INTERNAL, 66, chargeMs + 6);
    DemoSpan call =
        t.child(charge, ORDER_SVC, HTTP, "POST payment-svc/charge", CLIENT, 70, chargeMs);
    Conventions.httpClient(call, "POST", "http://payment-svc:8080/charge", gatewayDown ? 502 : 200);
    if (gatewayDown) {
      call.exception("ConnectionRefusedError", "payment gateway timeout", Stacks.GATEWAY_TIMEOUT);
      charge.error("payment-svc answered 502 Bad Gateway");
      return;
    }
    paymentSvc(t, call, user, chargeMs);
    confirmationMail(t, root, user, totalMs, outcome == Outcome.MAILER_DOWN);
  }

  /** {@code GET /api/v1/orders}: the customer's order list, one query. */
  static void listOrders(TraceBuilder t, String user, Outcome outcome) {
    boolean timeout = outcome == Outcome.DB_TIMEOUT;
    double queryMs = timeout ? 5000 : t.about(18);
    DemoSpan root = t.root(ORDER_SVC, HTTP, "GET /api/v1/orders", SERVER, queryMs + t.about(9));
    Conventions.httpServer(root, "GET", "/api/v1/orders", "/api/v1/orders", timeout ? 500 : 200);
    Conventions.user(root, user);
    DemoSpan query = t.child(root, ORDER_SVC, DB, "SELECT shop.orders", CLIENT, 2, queryMs);
    Conventions.db(
        query,
        "postgresql",
        "SELECT",
        "orders",
        "select * from orders where user_id = ? order by created_at desc limit ?");
    if (timeout) {
      query.exception(
          "KnexTimeoutError",
          "Knex: Timeout acquiring a connection. The pool is probably full.",
          Stacks.KNEX_POOL_TIMEOUT);
    }
  }

  /** {@code GET /api/v1/orders/{orderId}}: a 404 here is the client's mistake, not a failure. */
  static void getOrder(TraceBuilder t, String user, Outcome outcome, String orderId) {
    int status = outcome == Outcome.NOT_FOUND ? 404 : 200;
    DemoSpan root = t.root(ORDER_SVC, HTTP, "GET /api/v1/orders/{orderId}", SERVER, t.about(25));
    Conventions.httpServer(
        root, "GET", "/api/v1/orders/{orderId}", "/api/v1/orders/" + orderId, status);
    Conventions.user(root, user);
    DemoSpan query = t.child(root, ORDER_SVC, DB, "SELECT shop.orders", CLIENT, 2, t.about(12));
    Conventions.db(
        query,
        "postgresql",
        "SELECT",
        "orders",
        "select * from orders where id = ? and user_id = ?");
  }

  /** A slow CSV export: three chunked queries, then the rendering. */
  static void exportOrders(TraceBuilder t, String user) {
    DemoSpan root = t.root(ORDER_SVC, HTTP, "GET /api/v1/orders/export", SERVER, 12_400);
    Conventions.httpServer(root, "GET", "/api/v1/orders/export", "/api/v1/orders/export", 200);
    Conventions.user(root, user);
    for (int chunk = 0; chunk < 3; chunk++) {
      DemoSpan query =
          t.child(root, ORDER_SVC, DB, "SELECT shop.orders", CLIENT, 5 + chunk * 3900, 3800);
      Conventions.db(
          query,
          "postgresql",
          "SELECT",
          "orders",
          "select * from orders where user_id = ? and id > ? order by id limit ?");
    }
    t.child(root, ORDER_SVC, MANUAL, "csv.render", INTERNAL, 11_750, 600);
  }

  private static void paymentSvc(TraceBuilder t, DemoSpan call, String user, double chargeMs) {
    DemoSpan server = t.child(call, PAYMENT_SVC, HTTP, "POST /charge", SERVER, 74, chargeMs - 8);
    Conventions.httpServer(server, "POST", "/charge", "/charge", 200);
    Conventions.user(server, user);
    DemoSpan psp =
        t.child(
            server,
            PAYMENT_SVC,
            HTTP,
            "POST api.gateway-pay.example/v1/charges",
            CLIENT,
            80,
            chargeMs - 24);
    Conventions.httpClient(psp, "POST", "https://api.gateway-pay.example/v1/charges", 201);
  }

  /** The order-created event, consumed by notification-svc after the request has answered. */
  private static void confirmationMail(
      TraceBuilder t, DemoSpan root, String user, double totalMs, boolean mailerDown) {
    DemoSpan publish =
        t.child(
            root,
            ORDER_SVC,
            MESSAGING,
            "orders.created publish",
            PRODUCER,
            totalMs - 10,
            t.about(4));
    Conventions.messaging(publish, "publish", "orders.created");
    double consumedAt = totalMs + t.about(300);
    DemoSpan consume =
        t.child(
            publish,
            NOTIFICATION_SVC,
            MESSAGING,
            "orders.created process",
            CONSUMER,
            consumedAt,
            240);
    Conventions.messaging(consume, "process", "orders.created");
    Conventions.user(consume, user);
    DemoSpan mail =
        t.child(
            consume,
            NOTIFICATION_SVC,
            HTTP,
            "POST api.mailer.example/v3/mail/send",
            CLIENT,
            consumedAt + 8,
            220);
    Conventions.httpClient(
        mail, "POST", "https://api.mailer.example/v3/mail/send", mailerDown ? 503 : 202);
    if (mailerDown) {
      consume.exception(
          "requests.exceptions.HTTPError",
          "503 Server Error: Service Unavailable",
          Stacks.MAILER_UNAVAILABLE);
    }
  }
}
