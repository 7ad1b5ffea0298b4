package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.tracelookup.render.BlockKitCheck;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.SlashCommandForm;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages of traces, through signed requests and the fake Slack: a customer with 25 traces in the
 * window, 10 a page, gets page 1 with Next; Next gives the next 10 with Previous, replacing the
 * card; a page already read comes from the cache without asking Tempo; and the button values alone
 * are enough for another replica to serve the same pages.
 */
final class PagesEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final String CONFIG = "lookup:\n  max-traces: 10\n";

  @TempDir static Path dir;
  private static PagingTempo tempo;
  private static SignedSlackBot bot;
  private final AtomicInteger presses = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    tempo = new PagingTempo(25);
    bot = SignedSlackBot.onBackend(dir, tempo.backendYaml(), CONFIG);
    bot.slackApi().zone("U0AGENT", "UTC");
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
    tempo.close();
  }

  @Test
  void pages_nextPreviousAndAnotherReplica_showEachTraceOnceAndReadCachedPagesWithoutTempo()
      throws Exception {
    int searchesBefore = tempo.searches();
    int readsBefore = tempo.reads();

    JsonNode first = lookup("page-one", "14:15");

    assertThat(buttonValue(first, "previous_page")).isEmpty();
    assertThat(traceIds(first))
        .containsExactlyInAnyOrderElementsOf(PagingTempo.newestFirst(25, 16));
    assertThat(text(first)).contains("Page 1");
    assertThat(tempo.searches() - searchesBefore).isEqualTo(1);
    assertThat(tempo.reads() - readsBefore)
        .as("page 1 reads what a lookup always read")
        .isEqualTo(10);

    JsonNode second = press(bot, "next_page", buttonValue(first, "next_page").orElseThrow(), "p2");

    assertThat(second.path("replace_original").asBoolean()).isTrue();
    assertThat(traceIds(second))
        .containsExactlyInAnyOrderElementsOf(PagingTempo.newestFirst(15, 6));
    assertThat(text(second)).contains("Page 2");
    assertThat(buttonValue(second, "previous_page")).isPresent();
    assertThat(buttonValue(second, "next_page")).isPresent();
    assertThat(tempo.reads() - readsBefore).as("page 2 reads only its own 10").isEqualTo(20);

    int searches = tempo.searches();
    JsonNode back =
        press(bot, "previous_page", buttonValue(second, "previous_page").orElseThrow(), "back");
    JsonNode again = press(bot, "next_page", buttonValue(first, "next_page").orElseThrow(), "p2b");

    assertThat(traceIds(back)).isEqualTo(traceIds(first));
    assertThat(traceIds(again)).isEqualTo(traceIds(second));
    assertThat(tempo.searches()).as("cached pages ask Tempo nothing").isEqualTo(searches);
    assertThat(tempo.reads() - readsBefore).isEqualTo(20);

    JsonNode third = press(bot, "next_page", buttonValue(second, "next_page").orElseThrow(), "p3");

    assertThat(traceIds(third)).containsExactlyInAnyOrderElementsOf(PagingTempo.newestFirst(5, 1));
    assertThat(buttonValue(third, "next_page")).as("25 traces make 3 pages").isEmpty();

    Path other = Files.createDirectory(dir.resolve("replica"));
    try (SignedSlackBot replica = SignedSlackBot.onBackend(other, tempo.backendYaml(), CONFIG)) {
      replica.slackApi().zone("U0AGENT", "UTC");
      JsonNode served =
          press(replica, "next_page", buttonValue(first, "next_page").orElseThrow(), "replica");

      assertThat(traceIds(served)).isEqualTo(traceIds(second));
      assertThat(buttonValue(served, "previous_page")).isPresent();
    }
  }

  @Test
  void pageButton_valueEditedToAnotherCustomer_isRefusedAndLooksUpNobody() throws Exception {
    // Another moment, so that this test's lookup is not the other's cached page.
    JsonNode first = lookup("edited-base", "14:20");
    String edited =
        buttonValue(first, "next_page").orElseThrow().replace(PagingTempo.USER, "usr_other1");
    int searches = tempo.searches();

    JsonNode answer = press(bot, "next_page", edited, "edited");

    assertThat(answer.path("text").asText()).contains("no longer carries a lookup");
    assertThat(tempo.searches()).isEqualTo(searches);
  }

  /** Runs the slash command for the customer at that UTC time and returns the card, checked. */
  private JsonNode lookup(String responseId, String time) throws Exception {
    Map<String, String> form =
        SlashCommandForm.fields(
            "U0AGENT",
            PagingTempo.USER + " 2026-02-06 " + time + " tz UTC",
            bot.slackApi().responseUrl(responseId).toString());
    HttpResponse<String> ack = bot.post(SlashCommandForm.encoded(form));
    assertThat(ack.statusCode()).isEqualTo(200);
    return answer(bot, responseId);
  }

  /** Presses a button on the private card, as Slack sends it, and returns the answer, checked. */
  private JsonNode press(SignedSlackBot to, String actionId, String value, String responseId)
      throws Exception {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "block_actions")
            .put("api_app_id", "A0001")
            .put("trigger_id", "1.2.3")
            .put("response_url", to.slackApi().responseUrl(responseId).toString());
    payload.set("user", JSON.createObjectNode().put("id", "U0AGENT").put("team_id", "T0001"));
    payload.set("team", JSON.createObjectNode().put("id", "T0001"));
    payload.set("channel", JSON.createObjectNode().put("id", "C0SUPPORT"));
    payload.set(
        "container",
        JSON.createObjectNode()
            .put("type", "message")
            .put("channel_id", "C0SUPPORT")
            .put("message_ts", "1770389000.000100")
            .put("is_ephemeral", true));
    // The same block and message each time: flipping back and forth presses the same button again.
    int press = presses.incrementAndGet();
    payload
        .putArray("actions")
        .addObject()
        .put("action_id", actionId)
        .put("block_id", "b1")
        .put("type", "button")
        .put("value", value)
        .put("action_ts", "1770389002." + press);
    assertThat(to.postPayload(payload.toString()).statusCode()).isEqualTo(200);
    return answer(to, responseId);
  }

  private static JsonNode answer(SignedSlackBot from, String responseId) throws Exception {
    RecordedRequest posted = from.slackApi().server().takeRequest("/response/" + responseId, WAIT);
    JsonNode body = JSON.readTree(posted.body());
    if (body.has("blocks")) {
      LayoutBlock[] blocks =
          GsonFactory.createSnakeCase()
              .fromJson(body.get("blocks").toString(), LayoutBlock[].class);
      assertThat(
              BlockKitCheck.violations(
                  new SlackMessage(body.path("text").asText(), List.of(blocks))))
          .isEmpty();
    }
    return body;
  }

  private static Optional<String> buttonValue(JsonNode card, String actionId) {
    for (JsonNode block : card.path("blocks")) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return Optional.of(element.path("value").asText());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the full trace IDs the card's buttons carry: every other trace's "Show trace", and the
   * featured failing trace's "Draft customer reply" (each page holds a failure).
   */
  private static Set<String> traceIds(JsonNode card) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> values = new ArrayList<>();
    for (JsonNode block : card.path("blocks")) {
      values.add(block.path("accessory").path("value").asText(""));
      for (JsonNode element : block.path("elements")) {
        String actionId = element.path("action_id").asText();
        if (actionId.equals("draft_reply") || actionId.equals("show_trace")) {
          values.add(element.path("value").asText());
        }
      }
    }
    for (String value : values) {
      Matcher id = TRACE_ID.matcher(value);
      if (id.lookingAt()) {
        ids.add(id.group());
      }
    }
    return ids;
  }

  private static String text(JsonNode card) {
    return card.path("blocks").toString();
  }
}
