package dev.tracelookup.demo;

import static dev.tracelookup.demo.DemoService.API_GATEWAY;
import static dev.tracelookup.demo.DemoService.INVENTORY_SVC;
import static dev.tracelookup.demo.DemoService.SEARCH_SVC;
import static dev.tracelookup.demo.DemoService.Scope.DB;
import static dev.tracelookup.demo.DemoService.Scope.HTTP;
import static dev.tracelookup.demo.DemoService.Scope.MANUAL;
import static dev.tracelookup.demo.DemoService.USER_SVC;
import static dev.tracelookup.trace.SpanKind.CLIENT;
import static dev.tracelookup.trace.SpanKind.INTERNAL;
import static dev.tracelookup.trace.SpanKind.SERVER;

/** The requests that enter through api-gateway, and the login that user-svc serves itself. */
final class GatewayScenarios {
  private GatewayScenarios() {}

  /** {@code GET /api/v1/search}: Elasticsearch behind search-svc may answer 503. */
  static void search(TraceBuilder t, String user, Outcome outcome) {
    boolean down = outcome == Outcome.SEARCH_BACKEND_DOWN;
    double esMs = down ? t.about(30) : t.about(45);
    DemoSpan root = t.root(API_GATEWAY, HTTP, "GET /api/v1/search", SERVER, esMs + 24);
    Conventions.httpServer(root, "GET", "/api/v1/search", "/api/v1/search", down ? 502 : 200);
    Conventions.user(root, user);
    DemoSpan call = t.child(root, API_GATEWAY, HTTP, "GET search-svc/search", CLIENT, 3, esMs + 18);
    Conventions.httpClient(call, "GET", "http://search-svc:8080/search", down ? 502 : 200);
    DemoSpan server = t.child(call, SEARCH_SVC, HTTP, "GET /search", SERVER, 5, esMs + 14);
    Conventions.httpServer(server, "GET", "/search", "/search", down ? 502 : 200);
    Conventions.user(server, user);
    DemoSpan es = t.child(server, SEARCH_SVC, DB, "POST products/_search", CLIENT, 9, esMs);
    Conventions.db(
        es,
        "elasticsearch",
        "search",
        "products",
        "{\"query\":{\"multi_match\":{\"query\":\"?\"}}}");
    Conventions.httpClient(
        es, "POST", "http://elasticsearch:9200/products/_search", down ? 503 : 200);
    if (down) {
      es.exception(
          "co.elastic.clients.transport.TransportException",
          "node: http://elasticsearch:9200/, status: 503",
          Stacks.ELASTICSEARCH_UNAVAILABLE);
    }
  }

  /** {@code GET /api/v1/products/{productId}}, answered by inventory-svc. */
  static void viewProduct(TraceBuilder t, String user, String productId) {
    double dbMs = t.about(9);
    DemoSpan root =
        t.root(API_GATEWAY, HTTP, "GET /api/v1/products/{productId}", SERVER, dbMs + 20);
    Conventions.httpServer(
        root, "GET", "/api/v1/products/{productId}", "/api/v1/products/" + productId, 200);
    Conventions.user(root, user);
    DemoSpan call =
        t.child(
            root,
            API_GATEWAY,
            HTTP,
            "GET inventory-svc/products/{productId}",
            CLIENT,
            3,
            dbMs + 14);
    Conventions.httpClient(call, "GET", "http://inventory-svc:8080/products/" + productId, 200);
    DemoSpan server =
        t.child(call, INVENTORY_SVC, HTTP, "GET /products/{productId}", SERVER, 5, dbMs + 10);
    Conventions.httpServer(server, "GET", "/products/{productId}", "/products/" + productId, 200);
    Conventions.user(server, user);
    DemoSpan query =
        t.child(server, INVENTORY_SVC, DB, "SELECT inventory.products", CLIENT, 8, dbMs);
    Conventions.db(
        query, "postgresql", "SELECT", "products", "SELECT * FROM products WHERE id = ?");
  }

  /** {@code GET /api/v1/users/me}: user-svc's database may time out, and it answers a bare 500. */
  static void viewProfile(TraceBuilder t, String user, Outcome outcome) {
    boolean timeout = outcome == Outcome.DB_TIMEOUT;
    double dbMs = timeout ? 3000 : t.about(7);
    DemoSpan root = t.root(API_GATEWAY, HTTP, "GET /api/v1/users/me", SERVER, dbMs + 22);
    Conventions.httpServer(
        root, "GET", "/api/v1/users/me", "/api/v1/users/me", timeout ? 500 : 200);
    Conventions.user(root, user);
    DemoSpan call =
        t.child(root, API_GATEWAY, HTTP, "GET user-svc/users/{userId}", CLIENT, 3, dbMs + 16);
    Conventions.httpClient(call, "GET", "http://user-svc:8080/users/" + user, timeout ? 500 : 200);
    DemoSpan server = t.child(call, USER_SVC, HTTP, "GET /users/<user_id>", SERVER, 5, dbMs + 12);
    Conventions.httpServer(
        server, "GET", "/users/<user_id>", "/users/" + user, timeout ? 500 : 200);
    Conventions.user(server, user);
    DemoSpan query = t.child(server, USER_SVC, DB, "SELECT shop.users", CLIENT, 8, dbMs);
    Conventions.db(
        query,
        "postgresql",
        "SELECT",
        "users",
        "SELECT id, name, email, tier FROM users WHERE id = %s");
    if (timeout) {
      query.exception(
          "psycopg2.errors.QueryCanceled",
          "canceling statement due to statement timeout",
          Stacks.STATEMENT_TIMEOUT);
    }
  }

  /** {@code POST /api/v1/login}, served by user-svc, which only knows {@code enduser.id}. */
  static void login(TraceBuilder t, String user, Outcome outcome) {
    int status = outcome == Outcome.WRONG_PASSWORD ? 401 : 200;
    DemoSpan root = t.root(USER_SVC, HTTP, "POST /api/v1/login", SERVER, t.about(140));
    Conventions.httpServer(root, "POST", "/api/v1/login", "/api/v1/login", status);
    Conventions.user(root, user);
    DemoSpan query = t.child(root, USER_SVC, DB, "SELECT shop.users", CLIENT, 4, t.about(6));
    Conventions.db(
        query,
        "postgresql",
        "SELECT",
        "users",
        "SELECT id, password_hash FROM users WHERE login = %s");
    t.child(root, USER_SVC, MANUAL, "password.verify", INTERNAL, 14, t.about(110));
  }
}
