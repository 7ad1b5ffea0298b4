package dev.tracelookup.demo;

import java.net.URI;

/**
 * Writes attributes the way each service's instrumentation does: current semantic conventions
 * ({@code http.response.status_code}, {@code user.id}) or the older names ({@code
 * http.status_code}, {@code enduser.id}). Older instrumentation also leaves the status unset on
 * HTTP errors, so only the status code tells.
 */
final class Conventions {
  private Conventions() {}

  /** Puts the user ID on the span, as each service does from the propagated header. */
  static void user(DemoSpan span, String userId) {
    span.attr(span.service.currentConventions ? "user.id" : "enduser.id", userId);
  }

  static void httpServer(DemoSpan span, String method, String route, String path, int status) {
    if (span.service.currentConventions) {
      span.attr("http.request.method", method).attr("http.route", route).attr("url.path", path);
      span.attr("url.scheme", "https").attr("http.response.status_code", (long) status);
      if (status >= 500) {
        span.attr("error.type", String.valueOf(status)).error("");
      }
    } else {
      span.attr("http.method", method).attr("http.route", route).attr("http.target", path);
      span.attr("http.scheme", "http").attr("http.status_code", (long) status);
    }
  }

  static void httpClient(DemoSpan span, String method, String url, int status) {
    URI uri = URI.create(url);
    if (span.service.currentConventions) {
      span.attr("http.request.method", method).attr("url.full", url);
      span.attr("server.address", uri.getHost()).attr("server.port", (long) port(uri));
      span.attr("http.response.status_code", (long) status);
      if (status >= 400) {
        span.attr("error.type", String.valueOf(status)).error("");
      }
    } else {
      span.attr("http.method", method).attr("http.url", url);
      span.attr("net.peer.name", uri.getHost()).attr("net.peer.port", (long) port(uri));
      span.attr("http.status_code", (long) status);
    }
  }

  static void db(DemoSpan span, String system, String operation, String table, String statement) {
    if (span.service.currentConventions) {
      span.attr("db.system.name", system).attr("db.namespace", "shop");
      span.attr("db.operation.name", operation).attr("db.collection.name", table);
      span.attr("db.query.text", statement);
    } else {
      span.attr("db.system", system).attr("db.name", "shop");
      span.attr("db.operation", operation)
          .attr("db.sql.table", table)
          .attr("db.statement", statement);
    }
  }

  static void grpcServer(DemoSpan span, String service, String method) {
    span.attr("rpc.system", "grpc").attr("rpc.service", service).attr("rpc.method", method);
    span.attr("rpc.grpc.status_code", 0L);
  }

  static void messaging(DemoSpan span, String operation, String destination) {
    span.attr("messaging.system", "kafka");
    if (span.service.currentConventions) {
      span.attr("messaging.operation.type", operation)
          .attr("messaging.destination.name", destination);
    } else {
      span.attr("messaging.operation", operation).attr("messaging.destination", destination);
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }
}
