package dev.tracelookup.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A collector's OTLP/HTTP endpoint on 127.0.0.1: takes {@code /v1/traces}, {@code /v1/metrics} and
 * {@code /v1/logs} as protobuf, answers 200 as a collector does, and keeps every byte it was sent,
 * both raw (for a search that no field can escape) and decoded ({@link OtlpExports}).
 */
final class OtlpReceiver implements AutoCloseable {
  private final Server server = new Server();
  private final List<byte[]> raw = new ArrayList<>();
  private final OtlpExports exports = new OtlpExports();

  OtlpReceiver() throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            byte[] body = Content.Source.asInputStream(request).readAllBytes();
            if ("gzip".equalsIgnoreCase(request.getHeaders().get("Content-Encoding"))) {
              body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            record(Request.getPathInContext(request), body);
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "application/x-protobuf");
            callback.succeeded();
            return true;
          }
        });
    server.start();
  }

  /** Returns the base URL to give {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  URI endpoint() {
    return URI.create(
        "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  /** Returns everything received so far, decoded. */
  synchronized OtlpExports exports() {
    return exports;
  }

  /**
   * Returns every request body received so far, as bytes read as ISO-8859-1 (one char per byte).
   */
  synchronized List<String> rawBodies() {
    return raw.stream()
        .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
        .toList();
  }

  private synchronized void record(String path, byte[] body) {
    raw.add(body);
    switch (path) {
      case "/v1/traces" -> exports.addTraces(body);
      case "/v1/metrics" -> exports.addMetrics(body);
      case "/v1/logs" -> exports.addLogs(body);
      default -> throw new UncheckedIOException(new IOException("not an OTLP path: " + path));
    }
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
