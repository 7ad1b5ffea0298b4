package dev.tracelookup.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class BodyReadHandlerTest {
  private static final int MAX_BYTES = 4096;

  /** Well past every bound below, so a hung server fails the test instead of hanging it. */
  private static final Duration READ_LIMIT = Duration.ofSeconds(15);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
  private Server server;

  @AfterEach
  void stop() throws Exception {
    drip.shutdownNow();
    server.stop();
  }

  @Test
  void handle_wholeBody_isHandedOnInMemory() throws Exception {
    start(Duration.ofSeconds(5), 1024, 16);
    String body = "x".repeat(MAX_BYTES);

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("read " + MAX_BYTES + " bytes");
  }

  @Test
  void handle_noBody_passesStraightThrough() throws Exception {
    start(Duration.ofSeconds(5), 1024, 16);

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/echo")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("read 0 bytes");
  }

  @Test
  void handle_declaredLengthOverLimit_isRefused413BeforeReading() throws Exception {
    start(Duration.ofSeconds(5), 1024, 16);

    Answer answer = rawPost(MAX_BYTES + 1, "");

    assertThat(answer.statusLine()).startsWith("HTTP/1.1 413");
  }

  @Test
  void handle_chunkedBodyOverLimit_isRefused413() throws Exception {
    start(Duration.ofSeconds(5), 1024, 16);
    byte[] body = new byte[MAX_BYTES * 2];

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/echo"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"error\":\"request body too large\"}");
  }

  @Test
  void handle_bodyBelowTheMinimumRate_isCutWith408AfterTheGrace() throws Exception {
    start(Duration.ofSeconds(10), 1024, 16);

    Answer answer = rawPost(MAX_BYTES, "a");

    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
    assertThat(answer.after())
        .isGreaterThanOrEqualTo(BodyReadHandler.GRACE.minusMillis(50))
        .isLessThan(BodyReadHandler.GRACE.plusSeconds(3));
  }

  @Test
  void handle_bodyOnPaceThatNeverEnds_isCutWith408AtTheTimeout() throws Exception {
    Duration timeout = Duration.ofSeconds(2);
    start(timeout, 0, 16);

    Answer answer = rawPost(MAX_BYTES, "a", Duration.ofMillis(200));

    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
    assertThat(answer.after())
        .isGreaterThanOrEqualTo(timeout.minusMillis(50))
        .isLessThan(timeout.plusSeconds(3));
  }

  @Test
  void handle_manySlowBodies_holdNoThreadAndOtherRequestsAreServed() throws Exception {
    // Eight threads in all, fewer than the clients, and a deadline longer than the test.
    start(Duration.ofSeconds(30), 0, 8);
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      slow.add(openPost(MAX_BYTES, "a"));
    }
    try {
      long sent = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri("/echo"))
                  .timeout(Duration.ofSeconds(5))
                  .POST(HttpRequest.BodyPublishers.ofString("fast"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.body()).isEqualTo("read 4 bytes");
      assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  private void start(Duration timeout, long minRate, int threads) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(threads, 2);
    server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new BodyReadHandler(new BlockingEcho(), MAX_BYTES, timeout, minRate));
    server.start();
  }

  private URI uri(String path) {
    return server.getURI().resolve(path);
  }

  /** What a raw client saw: the status line, and how long after the headers it came. */
  private record Answer(String statusLine, Duration after) {}

  private Answer rawPost(int declared, String start) throws Exception {
    return rawPost(declared, start, null);
  }

  /**
   * Posts the headers and {@code start}, then one byte every {@code every} if given; reads the
   * status line.
   */
  private Answer rawPost(int declared, String start, Duration every) throws Exception {
    try (Socket socket = openPost(declared, start)) {
      long sent = System.nanoTime();
      if (every != null) {
        OutputStream out = socket.getOutputStream();
        drip.scheduleAtFixedRate(
            () -> {
              try {
                out.write('a');
              } catch (java.io.IOException cut) {
                throw new IllegalStateException(cut);
              }
            },
            every.toMillis(),
            every.toMillis(),
            TimeUnit.MILLISECONDS);
      }
      String statusLine =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII)).readLine();
      return new Answer(statusLine, Duration.ofNanos(System.nanoTime() - sent));
    }
  }

  private Socket openPost(int declared, String start) throws Exception {
    Socket socket = new Socket("127.0.0.1", server.getURI().getPort());
    socket.setSoTimeout((int) READ_LIMIT.toMillis());
    socket
        .getOutputStream()
        .write(
            ("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                    + declared
                    + "\r\n\r\n"
                    + start)
                .getBytes(US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /** Reads the body with a blocking call, as the servlets do, and says how much it got. */
  private static final class BlockingEcho extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      response.write(
          true,
          ByteBuffer.wrap(("read " + body.length() + " bytes").getBytes(StandardCharsets.UTF_8)),
          callback);
      return true;
    }
  }
}
