package dev.tracelookup.demo;

/**
 * The demo shop's services. Two run current instrumentation; the others run older SDKs that still
 * write the attribute names from before HTTP semantic conventions 1.23 and {@code user.*} (1.28).
 */
enum DemoService {
  API_GATEWAY("api-gateway", Language.NODEJS, true, "2.14.0"),
  ORDER_SVC("order-svc", Language.NODEJS, true, "3.8.2"),
  INVENTORY_SVC("inventory-svc", Language.JAVA, false, "1.12.4"),
  PAYMENT_SVC("payment-svc", Language.GO, false, "0.9.7"),
  USER_SVC("user-svc", Language.PYTHON, false, "4.2.0"),
  SEARCH_SVC("search-svc", Language.JAVA, false, "2.3.1"),
  NOTIFICATION_SVC("notification-svc", Language.PYTHON, false, "1.5.0");

  /** Where a span comes from, which decides its instrumentation scope. */
  enum Scope {
    HTTP,
    DB,
    RPC,
    MESSAGING,
    MANUAL
  }

  /** The SDK language, with the scope names its instrumentation libraries use. */
  enum Language {
    NODEJS(
        "nodejs",
        "@opentelemetry/instrumentation-http",
        "@opentelemetry/instrumentation-knex",
        "@opentelemetry/instrumentation-grpc",
        "@opentelemetry/instrumentation-kafkajs"),
    JAVA(
        "java",
        "io.opentelemetry.spring-webmvc-6.0",
        "io.opentelemetry.jdbc",
        "io.opentelemetry.grpc-1.6",
        "io.opentelemetry.kafka-clients-2.6"),
    PYTHON(
        "python",
        "opentelemetry.instrumentation.flask",
        "opentelemetry.instrumentation.psycopg2",
        "opentelemetry.instrumentation.grpc",
        "opentelemetry.instrumentation.confluent_kafka"),
    GO(
        "go",
        "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp",
        "github.com/XSAM/otelsql",
        "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc",
        "github.com/IBM/sarama/otelsarama");

    final String sdkName;
    private final String[] scopes;

    Language(String sdkName, String http, String db, String rpc, String messaging) {
      this.sdkName = sdkName;
      this.scopes = new String[] {http, db, rpc, messaging};
    }
  }

  final String serviceName;
  final Language language;
  final boolean currentConventions;
  final String version;

  DemoService(String serviceName, Language language, boolean currentConventions, String version) {
    this.serviceName = serviceName;
    this.language = language;
    this.currentConventions = currentConventions;
    this.version = version;
  }

  String scopeName(Scope scope) {
    return scope == Scope.MANUAL ? serviceName : language.scopes[scope.ordinal()];
  }

  /** Returns the name of one of the service's two pods, which get separate resources. */
  String pod(int index) {
    return serviceName + "-6f7c9d8b5-" + (index == 0 ? "q4wzt" : "m8hxr");
  }
}
