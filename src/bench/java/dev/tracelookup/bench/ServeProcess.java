package dev.tracelookup.bench;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    long spawned = System.nanoTime();
    try (Running serve = start(env, log, readyWithin, List.of())) {
      Duration toReady = Duration.ofNanos(System.nanoTime() - spawned);
      Map<String, Long> status = serve.status();
      return new Startup(toReady, status.get("VmRSS"), status.get("VmHWM"));
    }
  }

  private static final Pattern NMT_CATEGORY =
      Pattern.compile(
          "^-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);
  private static final Pattern NMT_THREADS = Pattern.compile("\\(thread #(\\d+)\\)");

  /** A {@code serve} process that answered {@code /healthz}; closing stops it by its PID. */
  record Running(Process process, URI base) implements AutoCloseable {
    /**
     * Returns the {@code kB} lines of its {@code /proc/<pid>/status}: VmRSS, VmHWM and the like.
     */
    Map<String, Long> status() throws IOException {
      return procStatus(process.pid());
    }

    /**
     * Returns what Native Memory Tracking says the process has committed, in kB per category ("Java
     * Heap", "Thread", "Class", ...), plus "threads", the thread count it reports; empty unless the
     * process runs with {@code -XX:NativeMemoryTracking=summary}.
     */
    Map<String, Long> nativeMemory() throws IOException, InterruptedException {
      Process jcmd =
          new ProcessBuilder(
                  "jcmd", String.valueOf(process.pid()), "VM.native_memory", "summary", "scale=KB")
              .redirectErrorStream(true)
              .start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(30, TimeUnit.SECONDS);
      Map<String, Long> committed = new LinkedHashMap<>();
      Matcher category = NMT_CATEGORY.matcher(out);
      while (category.find()) {
        committed.put(category.group(1).trim(), Long.parseLong(category.group(2)));
      }
      Matcher threads = NMT_THREADS.matcher(out);
      if (threads.find()) {
        committed.put("threads", Long.parseLong(threads.group(1)));
      }
      return committed;
    }

    /** Returns the CPU time the process used so far, user and system, from /proc/<pid>/stat. */
    long cpuMillis() throws IOException {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10; // USER_HZ is 100 on Linux
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Spawns {@code serve} on a free port with the JVM options and returns it once healthy. */
  static Running start(
      Map<String, String> env, Path log, Duration readyWithin, List<String> jvmOptions)
      throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dfile.encoding=UTF-8");
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString(), "serve"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    Process process = builder.start();
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    try {
      awaitHealthy(process, base.resolve("/healthz"), readyWithin, log);
      return new Running(process, base);
    } catch (Exception notReady) {
      new Running(process, base).close();
      throw notReady;
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
