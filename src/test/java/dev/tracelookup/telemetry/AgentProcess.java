package dev.tracelookup.telemetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged bot in its own JVM with the OpenTelemetry Java agent attached, as the README tells
 * operators to run it. Its output goes to a file under {@code target/} for when a test fails, and
 * the HTTP port {@code serve} listens on is read from its startup line.
 */
final class AgentProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("listening for Slack at http://[^/]*:(\\d+)/");
  private static final List<String> INHERITED_PREFIXES =
      List.of(
          "OTEL_",
          "SLACK_",
          "TRACE_",
          "LOOKUP_",
          "ADMIN_",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "_JAVA_OPTIONS");

  private final Process process;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final Thread reader;

  /**
   * Starts {@code java -javaagent:<agent> [-Dotel.javaagent.configuration-file=<config>] -jar <bot>
   * args}.
   *
   * @param environment the bot's and the agent's variables; nothing of the same families is
   *     inherited
   * @param log where the process's output goes
   */
  AgentProcess(
      Path agentJar,
      Optional<Path> agentConfig,
      Path botJar,
      Map<String, String> environment,
      List<String> args,
      Path log)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar,
                "-Dfile.encoding=UTF-8",
                "-Xmx256m",
                // A short-lived JVM under test: C1 only starts the agent's bytecode rewriting
                // noticeably faster.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
    agentConfig.ifPresent(config -> command.add("-Dotel.javaagent.configuration-file=" + config));
    command.addAll(List.of("-jar", botJar.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(name -> INHERITED_PREFIXES.stream().anyMatch(name::startsWith));
    builder.environment().putAll(environment);
    Files.createDirectories(log.getParent());
    process = builder.start();
    reader = new Thread(() -> copy(log), "agent-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Returns the port {@code serve} listens on, once it says so. */
  int port(Duration wait) throws Exception {
    return port.get(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Waits for the process to end by itself (the {@code lookup} command), or asks it to stop first
   * (SIGTERM: {@code serve}'s shutdown hook drains, then the agent's flushes every signal).
   *
   * @return the exit status
   */
  int stop(boolean ask, Duration wait) throws Exception {
    if (ask) {
      process.destroy();
    }
    if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the bot did not end within " + wait);
    }
    reader.join(wait.toMillis());
    return process.exitValue();
  }

  private void copy(Path log) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          port.complete(Integer.parseInt(listening.group(1)));
        }
      }
    } catch (IOException closed) {
      // The process ended; what it wrote is in the log.
    } finally {
      port.completeExceptionally(
          new AssertionError("the bot ended before it listened; see " + log));
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
