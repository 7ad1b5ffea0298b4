package dev.tracelookup.backend.zipkin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real zipkin-server, started from its exec jar for integration tests: in-memory storage, bound
 * to 127.0.0.1 only on a free port, its output in a log file. The shipped config binds {@code
 * armeria.ports[0]} to every interface, so the whole list item is overridden.
 */
public final class ZipkinServerProcess {
  private static final Duration POLL = Duration.ofMillis(250);

  private final Process process;
  private final URI uri;
  private final Path log;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ZipkinServerProcess(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /**
   * Starts the server and returns once {@code GET /health} answers 200, or fails by the deadline.
   */
  public static ZipkinServerProcess start(Path jar, Path log, Duration readyWithin)
      throws IOException, InterruptedException {
    int port = freePort();
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--armeria.ports[0].ip=127.0.0.1",
                    "--armeria.ports[0].port=" + port,
                    "--armeria.ports[0].protocols[0]=http"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ZipkinServerProcess server =
        new ZipkinServerProcess(process, URI.create("http://127.0.0.1:" + port), log);
    try {
      server.awaitStatus("/health", 200, readyWithin);
    } catch (IllegalStateException | InterruptedException notReady) {
      server.stop();
      throw notReady;
    }
    return server;
  }

  public URI uri() {
    return uri;
  }

  /** Posts Zipkin v2 JSON spans, as a reporter would; fails unless Zipkin accepts them (202). */
  public void postSpans(String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri.resolve("/api/v2/spans"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException(
          "zipkin-server refused the spans: " + response.statusCode() + " " + response.body());
    }
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Polls the path until it answers the status, failing at the deadline or when the server exits.
   * Waiting on the process between polls ends the wait at once if it dies.
   */
  public void awaitStatus(String path, int status, Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (!answers(path, status)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "zipkin-server exited with " + process.exitValue() + "; see " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "zipkin-server did not answer "
                + status
                + " on "
                + path
                + " within "
                + within.toSeconds()
                + " s; see "
                + log);
      }
      process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the server and waits for its process to end. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private boolean answers(String path, int status) throws InterruptedException {
    try {
      return get(path).statusCode() == status;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
