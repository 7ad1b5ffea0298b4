package dev.tracelookup.backend.zipkin;

/**
 * Zipkin v2 JSON exactly as servers and exporters write it. {@link #SKEW} and {@link #SIMPLE_DB}
 * are openzipkin/zipkin's zipkin-lens/testdata/skew.json and simple-db-p6.json (a shared
 * client/server span ID; a client span with a remote service); {@link #OTEL_CLIENT_ERROR} is a span
 * as OpenTelemetry's Java Zipkin exporter writes it, after Zipkin lower-cased its name.
 */
final class ZipkinFixtures {
  static final String SKEW =
      """
      [
        {
          "traceId": "1e223ff1f80f1c69",
          "parentId": "74280ae0c10d8062",
          "id": "43210ae0c10d1234",
          "name": "async",
          "timestamp": 1470150004008762,
          "duration": 65000,
          "localEndpoint": {
            "serviceName": "serviceb",
            "ipv4": "192.0.0.0"
          }
        },
        {
          "traceId": "1e223ff1f80f1c69",
          "parentId": "bf396325699c84bf",
          "id": "74280ae0c10d8062",
          "kind": "SERVER",
          "name": "post",
          "timestamp": 1470150004008761,
          "duration": 93577,
          "localEndpoint": {
            "serviceName": "serviceb",
            "ipv4": "192.0.0.0"
          },
          "shared": true
        },
        {
          "traceId": "1e223ff1f80f1c69",
          "id": "bf396325699c84bf",
          "kind": "SERVER",
          "name": "get",
          "timestamp": 1470150004071068,
          "duration": 99411,
          "localEndpoint": {
            "serviceName": "servicea",
            "ipv4": "127.0.0.0"
          }
        },
        {
          "traceId": "1e223ff1f80f1c69",
          "parentId": "bf396325699c84bf",
          "id": "74280ae0c10d8062",
          "kind": "CLIENT",
          "name": "post",
          "timestamp": 1470150004074202,
          "duration": 94539,
          "localEndpoint": {
            "serviceName": "servicea",
            "ipv4": "127.0.0.0"
          }
        }
      ]
      """;

  static final String SIMPLE_DB =
      """
      [
        {
          "traceId": "19f84f102048e047",
          "parentId": "19f84f102048e047",
          "id": "5d532ef6fed52445",
          "kind": "CLIENT",
          "name": "insert",
          "timestamp": 1541485537488973,
          "duration": 2033,
          "localEndpoint": {
            "serviceName": "bootifulmeters",
            "ipv4": "172.23.250.16"
          },
          "remoteEndpoint": {
            "serviceName": "app_db"
          },
          "tags": {
            "sql.query": "insert into revinfo (rev, revtstmp) values (null, 1541485537483)"
          }
        },
        {
          "traceId": "19f84f102048e047",
          "id": "19f84f102048e047",
          "kind": "SERVER",
          "name": "http:/book",
          "timestamp": 1541485537291342,
          "duration": 252016,
          "localEndpoint": {
            "serviceName": "bootifulmeters",
            "ipv4": "172.23.250.16"
          },
          "remoteEndpoint": {
            "ipv6": "::1",
            "port": 53367
          },
          "tags": {
            "http.host": "localhost",
            "http.method": "POST",
            "http.path": "/book",
            "http.url": "http://localhost:9777/book",
            "mvc.controller.class": "AppController",
            "mvc.controller.method": "postBook"
          }
        }
      ]
      """;

  /**
   * The exception annotation's attributes are not escaped: its stack trace breaks the inner JSON.
   */
  static final String OTEL_CLIENT_ERROR =
      """
      {
        "traceId": "4bf92f3577b34da6a3ce929d0e0e4736",
        "parentId": "53995c3f42cd8ad8",
        "id": "c5d2f7a8b6e4d3a1",
        "kind": "CLIENT",
        "name": "post payment-svc/charge",
        "timestamp": 1770387443250000,
        "duration": 1850000,
        "localEndpoint": {"serviceName": "order-svc"},
        "remoteEndpoint": {"serviceName": "payment-svc"},
        "annotations": [
          {
            "timestamp": 1770387445100000,
            "value": "\\"exception\\":{\\"exception.type\\":\\"ConnectionRefusedError\\",\\"exception.message\\":\\"payment gateway timeout\\",\\"exception.stacktrace\\":\\"ConnectionRefusedError: payment gateway timeout\\n    at PaymentClient.charge (/app/src/clients/payment-client.js:88:13)\\n    at \\"async\\" ChargeService.processCharge\\"}"
          }
        ],
        "tags": {
          "error": "payment gateway timeout",
          "http.request.method": "POST",
          "http.response.status_code": "502",
          "otel.scope.name": "@opentelemetry/instrumentation-http",
          "otel.status_code": "ERROR",
          "server.address": "payment-svc",
          "user.id": "usr_k8x9m2"
        }
      }
      """;

  private ZipkinFixtures() {}
}
