package dev.tracelookup.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A directory of about 1 GB of OTLP JSON Lines, as a collector's file exporter leaves it after
 * months: the demo day (48 customers, 520 sessions, real failure shapes) replayed day after day,
 * each copy with its own trace IDs, customer IDs ({@code usr_c7_k8x9m2}) and date. Written once
 * under {@code target/} and reused while its completion marker is there.
 */
final class BigOtlpDirectory {
  static final long TARGET_BYTES = 1L << 30;
  private static final Path DEMO = Path.of("config", "demo");
  private static final String MARKER = ".complete";
  private static final long DAY_NANOS = 86_400_000_000_000L;
  private static final Pattern TRACE_ID = Pattern.compile("\"traceId\":\"[0-9a-f]{4}");
  private static final Pattern USER_ID = Pattern.compile("\"stringValue\":\"usr_");
  private static final Pattern TIME = Pattern.compile("(TimeUnixNano\":\")(\\d+)");

  private static final Instant DEMO_DAY = Instant.parse("2026-02-06T00:00:00Z");
  private static final Pattern DEMO_USER = Pattern.compile("\"stringValue\":\"usr_([^\"]+)\"");

  private BigOtlpDirectory() {}

  /**
   * Returns the start of the first day's copy (the demo day, UTC) in nanoseconds since the epoch.
   */
  static long firstDayStartNanos() {
    return DEMO_DAY.getEpochSecond() * 1_000_000_000L;
  }

  /** Returns the customer IDs of one day's copy, as {@link #writeDay} renames them. */
  static List<String> customersOfDay(int day) throws IOException {
    Set<String> users = new TreeSet<>();
    for (String line : demoLines()) {
      Matcher user = DEMO_USER.matcher(line);
      while (user.find()) {
        users.add("usr_c" + day + "_" + user.group(1));
      }
    }
    return List.copyOf(users);
  }

  /** Returns the customer of the {@code n}th line {@link #liveLine} writes. */
  static String liveCustomer(int n) {
    return "usr_live_" + n;
  }

  /** Returns a line with one span, of a trace no copied day has, for a customer no day has. */
  static String liveLine(int n, Instant at) {
    long start = at.getEpochSecond() * 1_000_000_000L + at.getNano();
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
        + "{\"stringValue\":\"live-svc\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":\""
        + String.format("ffff%028x", n)
        + "\",\"spanId\":\""
        + String.format("%016x", n + 1)
        + "\",\"name\":\"GET /live\",\"kind\":2,\"startTimeUnixNano\":\""
        + start
        + "\",\"endTimeUnixNano\":\""
        + (start + 1_000_000)
        + "\",\"attributes\":[{\"key\":\"user.id\","
        + "\"value\":{\"stringValue\":\""
        + liveCustomer(n)
        + "\"}}]}]}]}]}";
  }

  /** Returns the directory, writing it first unless a complete one is already there. */
  static Path ensure(Path directory) throws IOException {
    if (Files.exists(directory.resolve(MARKER))) {
      return directory;
    }
    Files.createDirectories(directory);
    List<String> demoLines = demoLines();
    long demoBytes = demoLines.stream().mapToLong(line -> line.length() + 1L).sum();
    int days = (int) (TARGET_BYTES / demoBytes) + 1;
    for (int day = 0; day < days; day++) {
      writeDay(directory.resolve(String.format("traces-day-%03d.jsonl", day)), demoLines, day);
    }
    Files.writeString(directory.resolve(MARKER), days + " days\n");
    return directory;
  }

  /** Returns the size of the trace files in the directory. */
  static long size(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.toString().endsWith(".jsonl"))
          .mapToLong(file -> file.toFile().length())
          .sum();
    }
  }

  private static List<String> demoLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEMO)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".jsonl"))
              .sorted()
              .collect(Collectors.toList())) {
        lines.addAll(Files.readAllLines(file, UTF_8));
      }
    }
    return lines;
  }

  private static void writeDay(Path file, List<String> demoLines, int day) throws IOException {
    String traceIdPrefix = String.format("\"traceId\":\"%04x", day);
    String userPrefix = "\"stringValue\":\"usr_c" + day + "_";
    try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
      for (String line : demoLines) {
        String renamed =
            USER_ID
                .matcher(TRACE_ID.matcher(line).replaceAll(traceIdPrefix))
                .replaceAll(userPrefix);
        out.write(shifted(renamed, day * DAY_NANOS));
        out.write('\n');
      }
    }
  }

  private static String shifted(String line, long byNanos) {
    Matcher time = TIME.matcher(line);
    StringBuilder shifted = new StringBuilder(line.length() + 64);
    while (time.find()) {
      time.appendReplacement(shifted, "$1" + (Long.parseLong(time.group(2)) + byNanos));
    }
    return time.appendTail(shifted).toString();
  }
}
