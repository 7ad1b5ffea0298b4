package dev.tracelookup.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SignedSlackRequests;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole bot ({@link Bot}: server, Bolt app, wiring) on the demo data, with a fake Slack API,
 * reached only through signed HTTP requests: what the hostile-input end-to-end tests drive.
 */
final class SignedSlackBot implements AutoCloseable {
  static final String SECRET = "test-signing-secret";
  static final String BOT_TOKEN = "xoxb-test-bot-token";

  private final FakeSlackApi slackApi;
  private final Bot bot;
  private final Path audit;
  private final SignedSlackRequests signed;

  /**
   * Starts the bot.
   *
   * @param dir where the config and audit log are written
   * @param extraConfig YAML appended to the backend and audit settings, e.g. an {@code access:}
   *     block
   */
  SignedSlackBot(Path dir, String extraConfig) throws Exception {
    this(dir, Path.of("config/demo"), extraConfig, slack -> {}, Map.of());
  }

  /**
   * Starts the bot on the OTLP files in {@code traces} instead of the demo data.
   *
   * @see #SignedSlackBot(Path, String)
   */
  SignedSlackBot(Path dir, Path traces, String extraConfig) throws Exception {
    this(dir, traces, extraConfig, slack -> {}, Map.of());
  }

  /**
   * Starts the bot after {@code slackSetUp} has told the fake Slack what to answer at startup, such
   * as which workspace {@code auth.test} names.
   */
  SignedSlackBot(Path dir, String extraConfig, java.util.function.Consumer<FakeSlackApi> slackSetUp)
      throws Exception {
    this(dir, Path.of("config/demo"), extraConfig, slackSetUp, Map.of());
  }

  /** Starts the bot with more environment, such as {@code LOOKUP_API_TOKEN}. */
  SignedSlackBot(
      Path dir,
      String extraConfig,
      java.util.function.Consumer<FakeSlackApi> slackSetUp,
      Map<String, String> extraEnv)
      throws Exception {
    this(dir, Path.of("config/demo"), extraConfig, slackSetUp, extraEnv);
  }

  /**
   * Starts the bot on the OTLP files in {@code traces}, after {@code slackSetUp}, with more
   * environment.
   */
  SignedSlackBot(
      Path dir,
      Path traces,
      String extraConfig,
      java.util.function.Consumer<FakeSlackApi> slackSetUp,
      Map<String, String> extraEnv)
      throws Exception {
    this(
        dir,
        "backend:\n  directory: " + traces.toAbsolutePath() + "\n",
        extraConfig,
        slackSetUp,
        extraEnv);
  }

  /**
   * Starts the bot on the backend the YAML section describes ({@code backend:\n type: tempo…}),
   * such as a fake that counts what it is asked.
   */
  static SignedSlackBot onBackend(Path dir, String backendYaml, String extraConfig)
      throws Exception {
    return new SignedSlackBot(dir, backendYaml, extraConfig, slack -> {}, Map.of());
  }

  private SignedSlackBot(
      Path dir,
      String backendYaml,
      String extraConfig,
      java.util.function.Consumer<FakeSlackApi> slackSetUp,
      Map<String, String> extraEnv)
      throws Exception {
    slackApi = new FakeSlackApi();
    slackSetUp.accept(slackApi);
    audit = dir.resolve("audit.jsonl");
    Path config =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            backendYaml + "audit:\n  destination: file\n  path: " + audit + "\n" + extraConfig);
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                config.toString(),
                "PORT",
                "0",
                "SLACK_API_URL",
                slackApi.apiUrl(),
                "SLACK_SIGNING_SECRET",
                SECRET,
                "SLACK_BOT_TOKEN",
                BOT_TOKEN));
    env.putAll(extraEnv);
    bot = Bot.start(ConfigLoader.load(env), Clock.systemUTC(), Telemetry.noop());
    signed = new SignedSlackRequests(bot.uri(), SECRET);
  }

  FakeSlackApi slackApi() {
    return slackApi;
  }

  /** Returns how this bot fingerprints customers: keyed from its signing secret, as serve does. */
  static dev.tracelookup.privacy.UserIdFingerprint fingerprints() {
    return dev.tracelookup.privacy.UserIdFingerprint.derivedFrom(SECRET, "SLACK_SIGNING_SECRET");
  }

  /** Returns how many lookups (and other slow jobs) have been queued so far. */
  long jobsQueued() {
    return bot.jobs().getTaskCount();
  }

  /** Returns the value the card's Share and Refresh buttons carry for the lookup. */
  String buttonValue(LookupRequest request) {
    return bot.buttonValue(request);
  }

  /** Returns the server's base URI, for {@code /readyz} and the like. */
  java.net.URI uri() {
    return bot.uri();
  }

  /** Returns where the audit log is written. */
  Path auditFile() {
    return audit;
  }

  /** Returns the audit log's lines, parsed. */
  List<JsonNode> auditLines() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    if (!Files.exists(audit)) {
      return lines;
    }
    for (String line : Files.readAllLines(audit)) {
      lines.add(json.readTree(line));
    }
    return lines;
  }

  /**
   * Posts an interactive payload (block_actions, view_submission) as Slack does: form-encoded and
   * signed.
   */
  HttpResponse<String> postPayload(String json) throws Exception {
    return post("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
  }

  /** Posts a form body signed with the app's signing secret. */
  HttpResponse<String> post(String body) throws Exception {
    return signed.form(body);
  }

  /** Posts an Events API callback, signed. */
  HttpResponse<String> event(String json) throws Exception {
    return signed.event(json);
  }

  /** Posts an Events API callback as Slack's retry {@code retryNum} of an earlier delivery. */
  HttpResponse<String> eventRetry(String json, int retryNum) throws Exception {
    return signed.eventRetry(json, retryNum, "http_timeout");
  }

  @Override
  public void close() throws Exception {
    bot.close();
    slackApi.close();
  }
}
