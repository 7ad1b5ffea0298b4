package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SlackRequests;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The blast radius on the demo day, through the whole bot: the card goes out at once saying the
 * count is coming, then is replaced in place through its {@code response_url} with how many other
 * customers hit INC-4521's payment failure; a later lookup of the failure already counted carries
 * the count from the start; and none of them, nor their traces, reaches the card, the JSON API, the
 * logs or the audit log, not even as a fingerprint.
 */
final class BlastRadiusEndToEndTest {
  private static final String CUSTOMER = "usr_k8x9m2";
  private static final String API_TOKEN = "lookup-token-b14";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Path DEMO = Path.of("config/demo");

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger("dev.tracelookup");
  @TempDir Path dir;
  private SignedSlackBot bot;

  @BeforeEach
  void start() throws Exception {
    logged.start();
    root.addAppender(logged);
    ours.setLevel(Level.DEBUG);
    bot = new SignedSlackBot(dir, "", slack -> {}, Map.of("LOOKUP_API_TOKEN", API_TOKEN));
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    root.detachAppender(logged);
    ours.setLevel(null);
  }

  @Test
  void slashCommand_demoFailure_postsTheCardThenReplacesItWithTheBlastRadius() throws Exception {
    command("card");

    RecordedRequest card = bot.slackApi().server().takeRequest("/response/card", WAIT);
    RecordedRequest update = bot.slackApi().server().takeRequest("/response/card", WAIT);

    assertThat(card.body())
        .contains("\"replace_original\":false")
        .contains("ConnectionRefusedError")
        .contains("Counting other customers with the same failure");
    assertThat(update.body())
        .contains("\"replace_original\":true")
        .contains("ConnectionRefusedError")
        .contains(
            "Same failure for 37 requests from 19 other customers between 14:12 and 14:25 UTC,"
                + " first seen 14:12 (searched 13:30–15:00 UTC)")
        // This bot has no incident source: 19 customers and nothing declared is worth saying.
        .contains("no incident declared for this yet")
        .doesNotContain("Counting other customers");
    List<JsonNode> blast =
        bot.auditLines().stream()
            .filter(line -> line.get("event").asText().equals("blast_radius"))
            .toList();
    assertThat(blast).hasSize(1);
    assertThat(blast.get(0).get("user_hash").asText())
        .isEqualTo(SignedSlackBot.fingerprints().of(CUSTOMER));
    assertThat(blast.get(0).get("result_count").asInt()).isEqualTo(37);
    assertThat(blast.get(0).get("outcome").asText()).isEqualTo("counted");
    assertThat(blast.get(0).get("window_from").asText()).isEqualTo("2026-02-06T13:30:00Z");
  }

  @Test
  void slashCommand_failureAlreadyCounted_cardCarriesTheCountFromTheStart() throws Exception {
    command("first");
    bot.slackApi().server().takeRequest("/response/first", WAIT);
    bot.slackApi().server().takeRequest("/response/first", WAIT);

    command("second");
    RecordedRequest card = bot.slackApi().server().takeRequest("/response/second", WAIT);
    bot.close();
    List<String> afterwards = new ArrayList<>();
    while (bot.slackApi().server().pending() > 0) {
      afterwards.add(bot.slackApi().server().takeRequest(Duration.ZERO).path());
    }

    assertThat(card.body())
        .contains("\"replace_original\":false")
        .contains("Same failure for 37 requests from 19 other customers")
        .doesNotContain("Counting other customers");
    assertThat(afterwards).doesNotContain("/response/second");
    List<JsonNode> blast =
        bot.auditLines().stream()
            .filter(line -> line.get("event").asText().equals("blast_radius"))
            .toList();
    assertThat(blast).hasSize(2);
    assertThat(blast.get(1).get("cache_hit").asBoolean()).isTrue();
  }

  @Test
  void shareButton_failureAlreadyCounted_channelCopyCarriesTheCount() throws Exception {
    command("card");
    String card = bot.slackApi().server().takeRequest("/response/card", WAIT).body();
    bot.slackApi().server().takeRequest("/response/card", WAIT);
    String share =
        new ObjectMapper()
            .readTree(card).findParents("action_id").stream()
                .filter(button -> button.get("action_id").asText().equals("share_card"))
                .map(button -> button.get("value").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the card has no Share button"));

    bot.postPayload(
        SlackRequests.buttonPress("share_card", share, bot.slackApi().responseUrl("share")));

    String copy =
        FakeSlackApi.formValue(
            bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT).body(), "blocks");
    assertThat(copy)
        .contains("Same failure for 37 requests from 19 other customers")
        .doesNotContain("Counting other customers")
        .doesNotContain(CUSTOMER);
  }

  /**
   * A mention in an escalation thread, the first lookup of the failure: the answer is posted for
   * the thread saying the count is coming, then updated in place with {@code chat.update} once it
   * is counted.
   */
  @Test
  void mentionInThread_failureNotCountedYet_answerIsUpdatedWithTheCount() throws Exception {
    bot.event(
        SlackRequests.mentionInThread(
            "<@U0BOT> " + CUSTOMER + " 2026-02-06 14:15 tz UTC", "Ev0BLAST"));

    RecordedRequest posted = bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    RecordedRequest updated = bot.slackApi().server().takeRequest("/api/chat.update", WAIT);

    assertThat(FakeSlackApi.formValue(posted.body(), "thread_ts")).isEqualTo("1770389000.000100");
    assertThat(FakeSlackApi.formValue(posted.body(), "blocks"))
        .contains("Counting other customers with the same failure")
        .doesNotContain(CUSTOMER);
    assertThat(FakeSlackApi.formValue(updated.body(), "channel")).isEqualTo("C0SUPPORT");
    assertThat(FakeSlackApi.formValue(updated.body(), "ts")).isEqualTo("1700000001.000200");
    assertThat(FakeSlackApi.formValue(updated.body(), "blocks"))
        .contains("Same failure for 37 requests from 19 other customers")
        .doesNotContain("Counting other customers")
        .doesNotContain(CUSTOMER);
  }

  @Test
  void apiLookup_demoFailure_carriesTheBlastRadiusAndAuditsIt() throws Exception {
    JsonNode document = new ObjectMapper().readTree(apiLookup());

    JsonNode blast = document.get("blast_radius");
    assertThat(blast).isNotNull();
    assertThat(blast.get("requests").asInt()).isEqualTo(37);
    assertThat(blast.get("other_customers").asInt()).isEqualTo(19);
    assertThat(blast.get("at_least").asBoolean()).isFalse();
    assertThat(blast.get("first_seen").asText()).startsWith("2026-02-06T14:12");
    assertThat(blast.get("searched_from").asText()).isEqualTo("2026-02-06T13:00:00Z");
    assertThat(blast.get("searched_to").asText()).isEqualTo("2026-02-06T15:30:00Z");
    List<JsonNode> audited =
        bot.auditLines().stream()
            .filter(line -> line.get("event").asText().equals("blast_radius"))
            .toList();
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).get("slack_user").asText()).isEqualTo("api");
    assertThat(audited.get(0).get("result_count").asInt()).isEqualTo(37);
  }

  @Test
  void blastRadius_otherCustomersAndTheirTraces_reachNoOutputInAnyForm() throws Exception {
    command("first");
    List<String> bodies = new ArrayList<>();
    bodies.add(bot.slackApi().server().takeRequest("/response/first", WAIT).body());
    bodies.add(bot.slackApi().server().takeRequest("/response/first", WAIT).body());
    // A second agent's lookup of the same failure is answered from the first count.
    command("second");
    bodies.add(bot.slackApi().server().takeRequest("/response/second", WAIT).body());
    bodies.add(apiLookup());
    bot.close();

    String logs =
        logged.list.stream().map(BlastRadiusEndToEndTest::text).collect(Collectors.joining("\n"));
    String audit = Files.readString(bot.auditFile());
    String everything = String.join("\n", bodies) + "\n" + logs + "\n" + audit;
    assertThat(bodies.get(1)).contains("19 other customers");
    assertThat(audit).contains("\"event\":\"blast_radius\"").contains("\"cache_hit\":true");
    UserIdFingerprint fingerprints = SignedSlackBot.fingerprints();
    Set<String> others = otherCustomers();
    assertThat(others).hasSizeGreaterThanOrEqualTo(19 + 40);
    for (String other : others) {
      assertThat(everything).doesNotContain(other).doesNotContain(fingerprints.of(other));
    }
    for (String trace : otherTraces()) {
      assertThat(everything).doesNotContain(trace).doesNotContain(trace.substring(0, 8) + "…");
    }
  }

  private void command(String responseId) throws Exception {
    bot.post(
        dev.tracelookup.testing.SlashCommandForm.encoded(
            dev.tracelookup.testing.SlashCommandForm.fields(
                "U0AGENT",
                CUSTOMER + " 2026-02-06 14:15 tz UTC",
                bot.slackApi().responseUrl(responseId).toString())));
  }

  private String apiLookup() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(bot.uri().resolve("/api/lookup"))
            .header("Authorization", "Bearer " + API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"user_id\":\""
                        + CUSTOMER
                        + "\",\"start\":\"2026-02-06T13:30:00Z\",\"end\":\"2026-02-06T15:00:00Z\"}"))
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  /** Every customer of the demo day but the one looked up. */
  private static Set<String> otherCustomers() throws IOException {
    Set<String> users = matches(Pattern.compile("\"(usr_[a-z0-9]{6})\""));
    users.remove(CUSTOMER);
    return users;
  }

  /** Every trace of the demo day that does not carry the customer looked up. */
  private static Set<String> otherTraces() throws IOException {
    Set<String> traces = matches(Pattern.compile("\"traceId\":\"([0-9a-f]{32})\""));
    OtlpFileBackend demo =
        OtlpFileBackend.open(DEMO, List.of("user.id", "enduser.id"), Optional.empty(), "demo");
    SearchResult found =
        demo.search(
            new TraceQuery(
                CUSTOMER,
                Instant.parse("2026-02-06T00:00:00Z"),
                Instant.parse("2026-02-07T00:00:00Z"),
                Optional.empty(),
                Optional.empty(),
                false,
                500));
    ((SearchResult.Found) found).traces().stream().map(TraceRef::traceId).forEach(traces::remove);
    return traces;
  }

  private static Set<String> matches(Pattern pattern) throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(DEMO)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
          found.add(matcher.group(1));
        }
      }
    }
    return found;
  }

  private static String text(ILoggingEvent event) {
    String thrown =
        event.getThrowableProxy() == null
            ? ""
            : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown;
  }
}
