package dev.tracelookup.bench;

import dev.tracelookup.testing.FakeSlackApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Startup and footprint of {@code serve}: with the shipped config (demo backend, demo incidents),
 * and with the embedded backend over a ~1 GB OTLP directory ({@link BigOtlpDirectory}). Slack's Web
 * API is faked, since {@code serve} checks its token with {@code auth.test} before it listens.
 */
final class StartupFootprint {
  private static final Duration READY_WITHIN = Duration.ofMinutes(5);

  /** Both startups, and the size of the big directory. */
  record Result(ServeProcess.Startup demo, ServeProcess.Startup big, long bigBytes) {}

  private StartupFootprint() {}

  static Result run(Path workDir) throws Exception {
    Path big = BigOtlpDirectory.ensure(workDir.resolve("otlp-1g"));
    Path bigConfig = workDir.resolve("startup").resolve("trace-lookup.yml");
    Files.createDirectories(bigConfig.getParent());
    Files.writeString(
        bigConfig,
        "backend:\n  type: otlp-file\n  directory: "
            + big.toAbsolutePath()
            + "\nincidents:\n  sources: []\n");
    try (FakeSlackApi slack = new FakeSlackApi()) {
      ServeProcess.Startup demo =
          ServeProcess.measure(
              env(slack, Path.of("config", "trace-lookup.yml")),
              workDir.resolve("serve-demo.log"),
              READY_WITHIN);
      ServeProcess.Startup onBig =
          ServeProcess.measure(
              env(slack, bigConfig), workDir.resolve("serve-1g.log"), READY_WITHIN);
      return new Result(demo, onBig, BigOtlpDirectory.size(big));
    }
  }

  private static Map<String, String> env(FakeSlackApi slack, Path config) {
    return Map.of(
        "TRACE_LOOKUP_CONFIG",
        config.toString(),
        "SLACK_API_URL",
        slack.apiUrl(),
        "SLACK_SIGNING_SECRET",
        "bench-signing-secret",
        "SLACK_BOT_TOKEN",
        "xoxb-bench");
  }
}
