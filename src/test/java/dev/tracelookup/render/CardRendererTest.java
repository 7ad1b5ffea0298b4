package dev.tracelookup.render;

import static dev.tracelookup.render.RenderFixtures.WRITE_UP_LINES;
import static dev.tracelookup.render.RenderFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.SpanKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class CardRendererTest {
  private final CardRenderer renderer = new CardRenderer();

  @Test
  void card_writeUpCase_showsTheErrorPathAsInTheWriteUp() {
    CardContent content = RenderFixtures.writeUpContent();

    SlackMessage message = renderer.card(content);

    assertThat(lines(message))
        .containsSubsequence(WRITE_UP_LINES.subList(1, WRITE_UP_LINES.size()));
    assertThat(lines(message)).contains(WRITE_UP_LINES.get(0));
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void card_writeUpCase_summarisesWhatWasSearched() {
    CardContent content = RenderFixtures.writeUpContent();

    SlackMessage message = renderer.card(content);

    assertThat(blockText(blocks(message), 0))
        .isEqualTo("*" + RenderFixtures.WRITE_UP_HEADLINE + "*");
    assertThat(blockText(blocks(message), 1))
        .isEqualTo(
            "Traces for usr_k8x9m2 · 2026-02-06 14:00–14:30 UTC (9:00–9:30 AM America/New_York)"
                + " · 3 traces, 1 failed · Tempo");
    assertThat(message.text())
        .startsWith(RenderFixtures.WRITE_UP_HEADLINE)
        .contains("Root cause: payment-svc");
  }

  @Test
  void card_cachedWithFiltersAndWarnings_showsThemAll() {
    CardContent base = RenderFixtures.writeUpContent();
    CardContent content =
        new CardContent(
            base.userLabel(),
            base.from(),
            base.to(),
            base.agentZone(),
            "Jaeger",
            base.traces(),
            40,
            "service checkout · errors only",
            List.of("Jaeger returned 20 of 40"),
            true,
            List.of(),
            Optional.empty());

    SlackMessage message = renderer.card(content);

    assertThat(String.join("\n", RenderFixtures.texts(message)))
        .contains(
            "40 traces, 3 fetched, 1 of them failed · Jaeger · service checkout · errors only ·"
                + " cached")
        .contains("⚠️ Jaeger returned 20 of 40")
        .contains("+37 more traces not shown");
  }

  @Test
  void card_failingTraceNotFirst_featuresTheFirstFailingTraceAndListsTheOthers() {
    CardContent content = RenderFixtures.writeUpContent();

    JsonArray blocks = blocks(renderer.card(content));

    assertThat(blockText(blocks, 3)).isEqualTo(RenderFixtures.WRITE_UP_LINES.get(0));
    List<JsonObject> showButtons = buttons(blocks, ActionId.SHOW_TRACE.id());
    assertThat(showButtons)
        .extracting(b -> b.get("value").getAsString())
        .containsExactly(
            RenderFixtures.okTrace(1).analysis().summary().traceId(),
            RenderFixtures.okTrace(2).analysis().summary().traceId());
    assertThat(lines(renderer.card(content)))
        .contains("✅ 00000000… · 2026-02-06 14:01:00 UTC · 240 ms · GET /api/v1/cart → 200");
  }

  @Test
  void card_uiUrl_addsOpenButtonWithTheUrl() {
    CardContent content = RenderFixtures.writeUpContent();

    List<JsonObject> open = buttons(blocks(renderer.card(content)), ActionId.OPEN_TRACE.id());

    assertThat(open).hasSize(1);
    assertThat(open.get(0).get("url").getAsString()).isEqualTo(RenderFixtures.UI_URL);
    assertThat(open.get(0).getAsJsonObject("text").get("text").getAsString())
        .isEqualTo("Open in Tempo");
  }

  @Test
  void card_noFailingTrace_featuresTheFirstAndSaysNothingFailed() {
    CardContent content =
        RenderFixtures.content(List.of(RenderFixtures.okTrace(1), RenderFixtures.okTrace(2)), 2);

    SlackMessage message = renderer.card(content);

    assertThat(lines(message))
        .contains("No span in this trace failed.")
        .noneMatch(l -> l.startsWith("Root cause"));
    assertThat(buttons(blocks(message), ActionId.SHOW_TRACE.id())).hasSize(1);
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void card_noTraces_staysValid() {
    CardContent content = RenderFixtures.content(List.of(), 0);

    SlackMessage message = renderer.card(content);

    assertThat(lines(message)).contains("No trace to show.");
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void card_tenThousandSpanTrace_staysWithinLimitsAndKeepsEntryAndCulprit() {
    ErrorPath path = RenderFixtures.hugePath(400, 25, 300);
    ShownTrace huge =
        RenderFixtures.card(
            RenderFixtures.summary(
                RenderFixtures.TRACE_ID,
                RenderFixtures.TRACE_START,
                60_000,
                "x".repeat(5_000),
                500,
                10_000,
                3_000),
            path,
            RenderFixtures.UI_URL);
    CardContent content = RenderFixtures.content(List.of(huge, RenderFixtures.okTrace(1)), 2);

    SlackMessage message = renderer.card(content);

    assertThat(BlockKitCheck.violations(message)).isEmpty();
    String text = String.join("\n", RenderFixtures.texts(message));
    assertThat(text)
        .contains(
            "lines not shown",
            "DeepError: culprit at depth 399",
            "Root cause: svc-399",
            "12 other failing branches",
            "The entry span was not returned; the path starts at svc-0 · step-0-");
    assertThat(buttons(blocks(message), ActionId.OPEN_TRACE.id())).hasSize(1);
    assertThat(buttons(blocks(message), ActionId.SHOW_TRACE.id())).hasSize(1);
  }

  @Test
  void card_twoHundredTraces_listsWhatFitsAndCountsTheRest() {
    List<ShownTrace> traces = new ArrayList<>(List.of(RenderFixtures.writeUp()));
    IntStream.range(0, 199).forEach(i -> traces.add(RenderFixtures.okTrace(i)));
    CardContent content = RenderFixtures.content(traces, 1_000);

    SlackMessage message = renderer.card(content);

    assertThat(BlockKitCheck.violations(message)).isEmpty();
    int listed = buttons(blocks(message), ActionId.SHOW_TRACE.id()).size();
    assertThat(listed).isGreaterThan(5);
    assertThat(lines(message))
        .contains(
            "+"
                + (999 - listed)
                + " more traces not shown — narrow the window or add a filter to see them.");
    assertThat(lines(message))
        .containsSubsequence(WRITE_UP_LINES.subList(1, WRITE_UP_LINES.size()));
  }

  @Test
  void card_giantExceptionMessageAndNames_staysWithinLimits() {
    String giant = "boom & <bang> ".repeat(4_000);
    PathStep culprit =
        RenderFixtures.step(
            RenderFixtures.span("00000000000000c2", "", giant, giant, SpanKind.CLIENT, 0, 10),
            502,
            Optional.of(new ExceptionInfo(giant, giant, RenderFixtures.frames(50, 5_000))),
            List.of());
    ShownTrace card =
        RenderFixtures.card(
            RenderFixtures.summary(giant, RenderFixtures.TRACE_START, 10, giant, 502, 1, 1),
            new ErrorPath(List.of(culprit), 0, List.of(), false),
            "https://x.example/" + "a".repeat(5_000));
    CardContent content =
        new CardContent(
            giant,
            RenderFixtures.WINDOW_FROM,
            RenderFixtures.WINDOW_TO,
            RenderFixtures.NEW_YORK,
            giant,
            List.of(card),
            1,
            giant,
            List.of(giant, giant, giant, giant, giant, giant, giant),
            false,
            List.of(),
            Optional.of(CardActions.privateAnswer(giant, true)));

    SlackMessage card1 = renderer.card(content);
    SlackMessage single = renderer.trace(card, ZoneOffset.UTC, giant);

    assertThat(BlockKitCheck.violations(card1)).isEmpty();
    assertThat(BlockKitCheck.violations(single)).isEmpty();
    assertThat(String.join("\n", RenderFixtures.texts(card1)))
        .contains("…", "+2 more warnings", "Root cause:");
    assertThat(buttons(blocks(card1), ActionId.OPEN_TRACE.id())).isEmpty();
  }

  @Test
  void card_hostileNames_cannotMentionOrLink() {
    String hostile = "<@U123> <!channel> <http://x|y> &";
    PathStep entry =
        RenderFixtures.step(
            RenderFixtures.span("00000000000000e1", "", hostile, hostile, SpanKind.SERVER, 0, 10),
            500,
            Optional.of(new ExceptionInfo(hostile, hostile, List.of(hostile))),
            List.of());
    ShownTrace card =
        RenderFixtures.card(
            RenderFixtures.summary(
                RenderFixtures.TRACE_ID, RenderFixtures.TRACE_START, 10, hostile, 500, 1, 1),
            new ErrorPath(List.of(entry), 0, List.of(), false),
            null);
    CardContent content =
        new CardContent(
            hostile,
            RenderFixtures.WINDOW_FROM,
            RenderFixtures.WINDOW_TO,
            RenderFixtures.NEW_YORK,
            hostile,
            List.of(card, RenderFixtures.okTrace(1)),
            2,
            hostile,
            List.of(hostile),
            false,
            List.of(),
            Optional.of(new CardActions(hostile, true, false, Optional.of(hostile))));

    SlackMessage message = renderer.card(content);

    List<String> mrkdwn = mrkdwnTexts(message);
    assertThat(mrkdwn).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain("<", ">"));
    assertThat(String.join("\n", mrkdwn))
        .contains("&lt;@U123&gt; &lt;!channel&gt; &lt;http://x|y&gt; &amp;");
    assertThat(message.text()).doesNotContain("<", ">");
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void card_middlePage_showsPreviousAndNextWithTheirValuesAndThePageNumber() {
    CardContent base = RenderFixtures.writeUpContent();
    CardActions paged =
        base.actions()
            .orElseThrow()
            .withPages(new CardActions.Pages(2, Optional.of("page-1"), Optional.of("page-3")));
    CardContent content =
        new CardContent(
            base.userLabel(),
            base.from(),
            base.to(),
            base.agentZone(),
            base.backendName(),
            base.traces(),
            base.totalMatched(),
            base.filters(),
            base.warnings(),
            base.fromCache(),
            base.incidents(),
            Optional.of(paged));

    SlackMessage message = renderer.card(content);

    JsonArray blocks = blocks(message);
    assertThat(buttons(blocks, ActionId.PREVIOUS_PAGE.id()))
        .singleElement()
        .satisfies(b -> assertThat(b.get("value").getAsString()).isEqualTo("page-1"));
    assertThat(buttons(blocks, ActionId.NEXT_PAGE.id()))
        .singleElement()
        .satisfies(b -> assertThat(b.get("value").getAsString()).isEqualTo("page-3"));
    assertThat(blocks.toString()).contains("Page 2");
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void card_onePageOnly_hasNoPageButtons() {
    SlackMessage message = renderer.card(RenderFixtures.writeUpContent());

    JsonArray blocks = blocks(message);
    assertThat(buttons(blocks, ActionId.PREVIOUS_PAGE.id())).isEmpty();
    assertThat(buttons(blocks, ActionId.NEXT_PAGE.id())).isEmpty();
    assertThat(blocks.toString()).doesNotContain("Page 1");
  }

  @Test
  void trace_writeUpCase_showsThePathHeadingAndRootCause() {
    ShownTrace card = RenderFixtures.writeUp();

    SlackMessage message = renderer.trace(card, RenderFixtures.NEW_YORK, "Tempo");

    assertThat(lines(message))
        .containsSubsequence(WRITE_UP_LINES.subList(1, WRITE_UP_LINES.size()));
    assertThat(lines(message))
        .contains(
            WRITE_UP_LINES.get(0),
            "9:17:23 AM America/New_York · payment-svc · 5 spans, 3 failing");
    assertThat(message.text())
        .startsWith(RenderFixtures.WRITE_UP_HEADLINE + "\n" + WRITE_UP_LINES.get(0));
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void trace_tenThousandSpanTrace_staysWithinLimits() {
    ShownTrace card =
        RenderFixtures.card(
            RenderFixtures.summary(
                RenderFixtures.TRACE_ID,
                RenderFixtures.TRACE_START,
                60_000,
                "GET /",
                500,
                10_000,
                3_000),
            RenderFixtures.hugePath(2_000, 10, 40),
            RenderFixtures.UI_URL);

    SlackMessage message = renderer.trace(card, RenderFixtures.NEW_YORK, "Tempo");

    assertThat(BlockKitCheck.violations(message)).isEmpty();
    assertThat(String.join("\n", RenderFixtures.texts(message)))
        .contains("DeepError: culprit at depth 1999");
  }

  private static String blockText(JsonArray blocks, int index) {
    return blocks.get(index).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
  }

  /**
   * The featured trace is drawn as a waterfall in a code block below the root cause, with the
   * culprit marked, as analysed from the write-up's spans (see {@code
   * TestSpans.orderPaymentFailure}).
   */
  @Test
  void trace_analysedWriteUpTrace_drawsTheWaterfallBelowTheRootCause() {
    ShownTrace card =
        new ShownTrace(
            dev.tracelookup.trace.TraceAnalyzer.analyze(
                dev.tracelookup.trace.TestSpans.orderPaymentFailure()),
            Optional.empty());

    SlackMessage message = renderer.trace(card, ZoneOffset.UTC, "Tempo");

    List<String> texts = RenderFixtures.texts(message);
    int rootCause =
        IntStream.range(0, texts.size())
            .filter(i -> texts.get(i).startsWith("Root cause"))
            .findFirst()
            .orElseThrow();
    String waterfall = texts.get(rootCause + 1);
    assertThat(waterfall)
        .startsWith("```")
        .endsWith("```")
        .contains("POST /api/v1/orders")
        .contains("POST payment-svc/charge ← cause");
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  private static JsonArray blocks(SlackMessage message) {
    return JsonParser.parseString(message.toJson()).getAsJsonObject().getAsJsonArray("blocks");
  }

  /** Returns the buttons with this action ID, wherever they are in the blocks. */
  private static List<JsonObject> buttons(JsonArray blocks, String actionId) {
    List<JsonObject> buttons = new ArrayList<>();
    for (var element : blocks) {
      JsonObject block = element.getAsJsonObject();
      List<JsonObject> candidates = new ArrayList<>();
      if (block.has("accessory")) {
        candidates.add(block.getAsJsonObject("accessory"));
      }
      if (block.has("elements")) {
        block.getAsJsonArray("elements").forEach(e -> candidates.add(e.getAsJsonObject()));
      }
      candidates.stream()
          .filter(c -> c.has("action_id") && c.get("action_id").getAsString().equals(actionId))
          .forEach(buttons::add);
    }
    return buttons;
  }

  private static List<String> mrkdwnTexts(SlackMessage message) {
    String json = message.toJson();
    List<String> texts = new ArrayList<>();
    collectMrkdwn(JsonParser.parseString(json), texts);
    return texts.stream().collect(Collectors.toList());
  }

  private static void collectMrkdwn(com.google.gson.JsonElement element, List<String> texts) {
    if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(e -> collectMrkdwn(e, texts));
    } else if (element.isJsonObject()) {
      JsonObject object = element.getAsJsonObject();
      if (object.has("type") && object.get("type").getAsString().equals("mrkdwn")) {
        texts.add(object.get("text").getAsString());
      }
      object.entrySet().forEach(e -> collectMrkdwn(e.getValue(), texts));
    }
  }

  @Test
  void card_privateAnswer_offersShareAndRefreshCarryingTheRequest() {
    SlackMessage message = renderer.card(RenderFixtures.writeUpContent());

    String json = message.toJson();
    assertThat(json)
        .contains("\"action_id\":\"share_card\"")
        .contains("Share in channel")
        .contains("\"action_id\":\"refresh_card\"")
        .contains("\"value\":\"tok\"");
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void card_sharedCopy_showsWhoSharedItAndCannotBeSharedAgain() {
    CardContent base = RenderFixtures.writeUpContent();
    CardContent shared =
        new CardContent(
            "a customer",
            base.from(),
            base.to(),
            base.agentZone(),
            base.backendName(),
            base.traces(),
            base.totalMatched(),
            base.filters(),
            base.warnings(),
            false,
            List.of(),
            Optional.of(CardActions.sharedCopy("U0AGENT")));

    String json = renderer.card(shared).toJson();

    // Gson writes < and > as \\u003c and \\u003e; Slack reads them back the same.
    assertThat(json)
        .contains("Shared by \\u003c@U0AGENT\\u003e")
        .doesNotContain("share_card")
        .doesNotContain("refresh_card")
        .doesNotContain("usr_k8x9m2");
  }

  @Test
  void card_inThread_offersPostToThread() {
    CardContent base = RenderFixtures.writeUpContent();
    CardContent inThread =
        new CardContent(
            base.userLabel(),
            base.from(),
            base.to(),
            base.agentZone(),
            base.backendName(),
            base.traces(),
            base.totalMatched(),
            base.filters(),
            base.warnings(),
            false,
            List.of(),
            Optional.of(CardActions.privateAnswer("tok", true)));

    assertThat(renderer.card(inThread).toJson()).contains("Post to thread");
  }

  @Test
  void cardActions_sharedByAnythingButASlackUserId_isDropped() {
    assertThat(new CardActions("t", false, false, Optional.of("<!channel>")).sharedBy()).isEmpty();
  }

  @Test
  void card_knownIncident_isNamedUnderTheTraceWithItsLinkAndTheReplyButton() {
    String json = renderer.card(RenderFixtures.writeUpContent()).toJson();

    assertThat(json)
        .contains("Matches known incident: INC-4521")
        .contains("https://status.example.com/incidents/INC-4521|details")
        .contains("\"action_id\":\"draft_reply\"")
        .contains("\"value\":\"" + RenderFixtures.TRACE_ID + "\"");
  }
}
