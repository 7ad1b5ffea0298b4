package dev.tracelookup.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in its own JVM with a small heap, on the test classpath: the way to
 * show a reader streams, since a document larger than the heap cannot be held whole.
 */
public final class SmallHeapProbe {
  private SmallHeapProbe() {}

  /** How the probe ended: whether within two minutes, its exit value, and what it printed. */
  public record Run(boolean exited, int exitValue, String output) {}

  /**
   * Starts a probe that keeps running, such as a whole bot, with a small heap, its environment
   * extended by {@code env}, and {@code -XX:+ExitOnOutOfMemoryError} so that running out of heap
   * ends it visibly instead of leaving it half-broken; standard error goes to its standard output.
   */
  public static Process start(Class<?> probe, int heapMib, Map<String, String> env, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMib + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                probe.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return builder.start();
  }

  public static Run run(Class<?> probe, int heapMib, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMib + "m",
                "-cp",
                System.getProperty("java.class.path"),
                probe.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
    boolean exited = process.waitFor(2, TimeUnit.MINUTES);
    return new Run(exited, exited ? process.exitValue() : -1, output);
  }
}
