package dev.tracelookup.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the demo trace files under {@code config/demo/}: one day (2026-02-06) of a small shop's
 * traffic in the OpenTelemetry Collector file exporter's format, including the original write-up's
 * case, customer {@code usr_k8x9m2}'s order failing at 14:17:23 UTC because the payment gateway was
 * unreachable (trace {@code 4bf92f3577b34da6a3ce929d0e0e4736}).
 *
 * <p>The output depends only on the seed, so the committed files can be checked: {@code
 * DemoDataTest} regenerates them and compares. After changing the generator, regenerate them from
 * the project root with:
 *
 * <pre>
 * mvn -q -B test-compile
 * java -cp target/test-classes:target/classes dev.tracelookup.demo.DemoDataGenerator config/demo
 * </pre>
 *
 * @see DayPlan for the day's story, {@link CollectorFiles} for how spans are laid out in files
 */
public final class DemoDataGenerator {
  static final long SEED = 20260206L;

  private DemoDataGenerator() {}

  /** Writes the files into the directory named by the first argument, by default config/demo. */
  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length > 0 ? args[0] : "config/demo");
    for (Path file : write(directory)) {
      System.out.println(file + ": " + Files.size(file) + " bytes");
    }
  }

  /** Writes the files into the directory, creating it when needed, and returns them. */
  static List<Path> write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Map<String, String> files = generate();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
    return files.keySet().stream().map(directory::resolve).toList();
  }

  /** Returns each file's name and content. */
  static Map<String, String> generate() {
    Random random = new Random(SEED);
    List<List<DemoSpan>> traces = DayPlan.traces(random);
    return CollectorFiles.layOut(traces, random);
  }
}
