package dev.tracelookup.testing;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for faking Slack, trace backends and the like.
 *
 * <p>Answers come from a routing function (path → reply), so a test states what each endpoint says;
 * every request is recorded for {@link #takeRequest} so the test can check what was sent.
 */
public final class FakeHttpServer implements AutoCloseable {
  private final Server server;
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private volatile Function<RecordedRequest, Reply> router;

  /** A request as it arrived. */
  public record RecordedRequest(
      String method, String path, String query, Map<String, String> headers, String body) {
    public String header(String name) {
      for (Map.Entry<String, String> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue();
        }
      }
      return null;
    }
  }

  /** What to answer. */
  public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    public static Reply json(String body) {
      return new Reply(200, "application/json", body, Map.of());
    }

    public static Reply status(int status, String body) {
      return new Reply(status, "text/plain", body, Map.of());
    }
  }

  public FakeHttpServer(Function<RecordedRequest, Reply> router) throws Exception {
    this.router = router;
    this.server = new Server();
    // Go's net/http (Tempo, Jaeger) accepts 1 MiB of request line and headers; Jetty's default is
    // 8 KiB, too little for the long TraceQL queries the tests send.
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(1 << 20);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Recorder());
    server.start();
  }

  public void route(Function<RecordedRequest, Reply> router) {
    this.router = router;
  }

  public URI uri() {
    return server.getURI().resolve("/");
  }

  /** Returns the next request received, waiting up to the timeout; fails the test if none came. */
  public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
    RecordedRequest request = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived within " + timeout);
    }
    return request;
  }

  /** Returns the next request with this path, skipping and dropping others. */
  public RecordedRequest takeRequest(String path, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      RecordedRequest request = requests.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (request == null) {
        throw new AssertionError("no request to " + path + " arrived within " + timeout);
      }
      if (request.path().equals(path)) {
        return request;
      }
    }
  }

  public int pending() {
    return requests.size();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Recorder extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (HttpField field : request.getHeaders()) {
        headers.put(field.getName(), field.getValue());
      }
      RecordedRequest recorded =
          new RecordedRequest(
              request.getMethod(),
              request.getHttpURI().getPath(),
              request.getHttpURI().getQuery(),
              headers,
              body);
      requests.add(recorded);
      Reply reply = router.apply(recorded);
      response.setStatus(reply.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
      reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
      response.write(
          true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
  }
}
