package dev.tracelookup.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in its own JVM with a small heap, on the test classpath: the way to
 * show a reader streams, since a document larger than the heap cannot be held whole.
 */
public final class SmallHeapProbe {
  private SmallHeapProbe() {}

  /** How the probe ended: whether within two minutes, its exit value, and what it printed. */
  public record Run(boolean exited, int exitValue, String output) {}

  public static Run run(Class<?> probe, int heapMib, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heapMib + "m", "-cp", System.getProperty("java.class.path"), probe.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
    boolean exited = process.waitFor(2, TimeUnit.MINUTES);
    return new Run(exited, exited ? process.exitValue() : -1, output);
  }
}
