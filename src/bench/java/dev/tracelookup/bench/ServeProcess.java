package dev.tracelookup.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/trace-lookup.jar serve} as a child process: how long from spawn until
 * {@code /healthz} answers 200, and how much memory it holds then ({@code VmRSS}) and at most
 * ({@code VmHWM}), read from {@code /proc/<pid>/status}. Stopped by its own PID.
 */
final class ServeProcess {
  private static final Path JAR = Path.of("target", "trace-lookup.jar");
  private static final long POLL_MILLIS = 20;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** Time to ready and resident memory in kB, or why it never got ready. */
  record Startup(Duration toReady, long rssKb, long peakRssKb) {}

  private ServeProcess() {}

  static Startup measure(Map<String, String> env, Path log, Duration readyWithin) throws Exception {
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dfile.encoding=UTF-8",
                    "-jar",
                    JAR.toString(),
                    "serve"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    long spawned = System.nanoTime();
    Process process = builder.start();
    try {
      awaitHealthy(process, URI.create("http://127.0.0.1:" + port + "/healthz"), readyWithin, log);
      Duration toReady = Duration.ofNanos(System.nanoTime() - spawned);
      Map<String, Long> status = procStatus(process.pid());
      return new Startup(toReady, status.get("VmRSS"), status.get("VmHWM"));
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitHealthy(Process process, URI health, Duration within, Path log)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!healthy(health)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "serve exited with " + process.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "serve was not healthy within " + within.toSeconds() + " s; see " + log);
      }
      process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private static boolean healthy(URI health) throws InterruptedException {
    try {
      return CLIENT
              .send(
                  HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Returns the {@code kB} lines of {@code /proc/<pid>/status}: VmRSS, VmHWM and the like. */
  private static Map<String, Long> procStatus(long pid) throws IOException {
    Map<String, Long> values = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      String[] parts = line.split("\\s+");
      if (parts.length == 3 && parts[2].equals("kB")) {
        values.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
      }
    }
    return values;
  }
}
