package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tracelookup.render.BlockKitCheck;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Home tab, end to end: signed {@code app_home_opened} events and button presses in, the exact
 * {@code views.publish} bodies out to the fake Slack. The recent list lives in the published view's
 * metadata, so another replica, handed that view by Slack, renders the same list.
 */
final class HomeTabEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String CUSTOMER = "usr_k8x9m2";
  private static final AtomicInteger EVENTS = new AtomicInteger();

  @TempDir Path dir;
  private final List<SignedSlackBot> bots = new ArrayList<>();

  private SignedSlackBot start(String name) throws Exception {
    SignedSlackBot bot =
        new SignedSlackBot(
            Files.createDirectories(dir.resolve(name)),
            "",
            slack -> slack.zone("U0AGENT", "America/New_York"),
            Map.of());
    bots.add(bot);
    return bot;
  }

  @AfterEach
  void stop() throws Exception {
    for (SignedSlackBot bot : bots) {
      bot.close();
    }
  }

  @Test
  void homeOpened_firstTime_publishesFindTracesHealthAndHowToWithinLimits() throws Exception {
    SignedSlackBot bot = start("a");

    bot.event(homeOpened(null));

    FakeHttpServer.RecordedRequest publish = takePublish(bot);
    assertThat(FakeSlackApi.formValue(publish.body(), "user_id")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(publish.body(), "hash")).isEmpty();
    String view = FakeSlackApi.formValue(publish.body(), "view");
    assertThat(BlockKitCheck.viewViolations(view)).isEmpty();
    JsonObject json = JsonParser.parseString(view).getAsJsonObject();
    assertThat(json.get("type").getAsString()).isEqualTo("home");
    assertThat(view)
        .contains("\"action_id\":\"home_find_traces\"")
        .contains("Find traces")
        .contains("None yet")
        .contains("backend")
        .contains("How to use it");
  }

  @Test
  void lookupFinished_addsItToTheHomeTab_andAnotherReplicaRendersTheSameList() throws Exception {
    SignedSlackBot first = start("a");
    first.event(homeOpened(null));
    takePublish(first);

    first.post(
        command(first.slackApi().responseUrl("card"), CUSTOMER + " 2026-02-06 14:15 tz UTC"));

    FakeHttpServer.RecordedRequest update = takePublish(first);
    assertThat(FakeSlackApi.formValue(update.body(), "hash")).isEqualTo("h1");
    String published = FakeSlackApi.formValue(update.body(), "view");
    assertThat(BlockKitCheck.viewViolations(published)).isEmpty();
    List<String> recent = recentLines(published);
    String fingerprint = SignedSlackBot.fingerprints().of(CUSTOMER);
    assertThat(recent).hasSize(1);
    assertThat(recent.get(0)).contains("customer " + fingerprint).contains("failed");
    assertThat(texts(published)).noneMatch(text -> text.contains(CUSTOMER));

    SignedSlackBot replica = start("b");
    JsonObject asSlackHandsItBack = JsonParser.parseString(published).getAsJsonObject();
    asSlackHandsItBack.addProperty("id", "V0HOME");
    asSlackHandsItBack.addProperty("hash", "h2");
    replica.event(homeOpened(asSlackHandsItBack));

    FakeHttpServer.RecordedRequest rendered = takePublish(replica);
    assertThat(FakeSlackApi.formValue(rendered.body(), "hash")).isEqualTo("h2");
    assertThat(recentLines(FakeSlackApi.formValue(rendered.body(), "view"))).isEqualTo(recent);
  }

  @Test
  void lookupFinished_anotherReplicaPublishedSince_waitsAndJoinsTheListAtTheNextOpening()
      throws Exception {
    SignedSlackBot bot = start("a");
    // The first view is published as h1; by the time the lookup publishes over h1, another replica
    // has replaced it.
    bot.slackApi()
        .override(
            "views.publish",
            request -> {
              String hash = FakeSlackApi.formValue(request.body(), "hash");
              if (hash.equals("h1")) {
                return FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"hash_conflict\"}");
              }
              JsonObject view =
                  JsonParser.parseString(FakeSlackApi.formValue(request.body(), "view"))
                      .getAsJsonObject();
              view.addProperty("hash", hash.isEmpty() ? "h1" : hash + "+1");
              return FakeHttpServer.Reply.json("{\"ok\":true,\"view\":" + view + "}");
            });
    bot.event(homeOpened(null));
    String empty = FakeSlackApi.formValue(takePublish(bot).body(), "view");

    bot.post(command(bot.slackApi().responseUrl("card"), CUSTOMER + " 2026-02-06 14:15 tz UTC"));
    FakeHttpServer.RecordedRequest refused = takePublish(bot);
    JsonObject publishedElsewhere = JsonParser.parseString(empty).getAsJsonObject();
    publishedElsewhere.addProperty("hash", "h7");
    bot.event(homeOpened(publishedElsewhere));

    assertThat(FakeSlackApi.formValue(refused.body(), "hash")).isEqualTo("h1");
    FakeHttpServer.RecordedRequest reopened = takePublish(bot);
    assertThat(FakeSlackApi.formValue(reopened.body(), "hash")).isEqualTo("h7");
    assertThat(recentLines(FakeSlackApi.formValue(reopened.body(), "view")))
        .singleElement()
        .asString()
        .contains("customer " + SignedSlackBot.fingerprints().of(CUSTOMER));
  }

  @Test
  void homeButton_personRefusedAccess_isToldInADirectMessageAndNothingRuns() throws Exception {
    SignedSlackBot bot =
        new SignedSlackBot(
            Files.createDirectories(dir.resolve("refused")), "access:\n  users: [U0OTHER]\n");
    bots.add(bot);
    bot.event(homeOpened(null));
    String view = FakeSlackApi.formValue(takePublish(bot).body(), "view");
    long queued = bot.jobsQueued();

    bot.postPayload(homePress("home_find_traces", null, view));

    FakeHttpServer.RecordedRequest refusal =
        bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(refusal.body(), "channel")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(refusal.body(), "text")).contains("access");
    assertThat(bot.jobsQueued()).isEqualTo(queued);
  }

  @Test
  void runAgain_onTheHomeTab_sendsTheCardAsADirectMessage() throws Exception {
    SignedSlackBot bot = start("a");
    bot.event(homeOpened(null));
    takePublish(bot);
    bot.post(command(bot.slackApi().responseUrl("card"), CUSTOMER + " 2026-02-06 14:15 tz UTC"));
    String view = FakeSlackApi.formValue(takePublish(bot).body(), "view");
    String value = runAgainValue(view);

    bot.postPayload(homePress("home_run_again", value, view));

    FakeHttpServer.RecordedRequest card =
        bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(card.body(), "channel")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(card.body(), "blocks")).contains("payment-svc");
  }

  @Test
  void findTraces_onTheHomeTab_opensTheLookupForm() throws Exception {
    SignedSlackBot bot = start("a");
    bot.event(homeOpened(null));
    String view = FakeSlackApi.formValue(takePublish(bot).body(), "view");

    bot.postPayload(homePress("home_find_traces", null, view));

    FakeHttpServer.RecordedRequest open =
        bot.slackApi().server().takeRequest("/api/views.open", WAIT);
    String form = FakeSlackApi.formValue(open.body(), "view");
    assertThat(form).contains("find_traces_form").contains("America/New_York");
    assertThat(BlockKitCheck.viewViolations(form)).isEmpty();
  }

  @Test
  void formFromTheHomeTab_submitted_sendsTheCardAsADirectMessage() throws Exception {
    SignedSlackBot bot = start("a");

    bot.postPayload(formSubmission(openFormFromHome(bot)));

    FakeHttpServer.RecordedRequest card =
        bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(card.body(), "channel")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(card.body(), "blocks")).contains("payment-svc");
    // The direct message is the bot's own: the count of other customers follows into it.
    FakeHttpServer.RecordedRequest counted =
        bot.slackApi().server().takeRequest("/api/chat.update", WAIT);
    assertThat(FakeSlackApi.formValue(counted.body(), "channel")).isEqualTo("D0DIRECT");
    assertThat(FakeSlackApi.formValue(counted.body(), "blocks")).contains("other customers");
  }

  @Test
  void formFromTheHomeTab_accessLimitedToChannels_isRefusedInADirectMessage() throws Exception {
    SignedSlackBot bot =
        new SignedSlackBot(
            Files.createDirectories(dir.resolve("channels")),
            "access:\n  channels: [C0SUPPORT]\n",
            slack -> slack.zone("U0AGENT", "America/New_York"),
            Map.of());
    bots.add(bot);
    String metadata = "{\"c\":\"\",\"r\":\"\",\"k\":\"\"}";
    long queued = bot.jobsQueued();

    bot.postPayload(formSubmission(metadata));

    FakeHttpServer.RecordedRequest refusal =
        bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(refusal.body(), "channel")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(refusal.body(), "text"))
        .contains("only in the channels it allows");
    assertThat(bot.jobsQueued()).isEqualTo(queued);
  }

  /** Presses Find traces on the Home tab and returns the opened form's metadata. */
  private static String openFormFromHome(SignedSlackBot bot) throws Exception {
    bot.event(homeOpened(null));
    String view = FakeSlackApi.formValue(takePublish(bot).body(), "view");
    bot.postPayload(homePress("home_find_traces", null, view));
    String form =
        FakeSlackApi.formValue(
            bot.slackApi().server().takeRequest("/api/views.open", WAIT).body(), "view");
    return JsonParser.parseString(form).getAsJsonObject().get("private_metadata").getAsString();
  }

  /** Returns the lookup form submitted for the demo customer at 14:15 UTC. */
  private static String formSubmission(String metadata) {
    JsonObject values = new JsonObject();
    values.add("user", input(CUSTOMER));
    values.add("when", input("2026-02-06 14:15"));
    values.add("zone", input("UTC"));
    values.add("service", input(null));
    JsonObject state = new JsonObject();
    state.add("values", values);
    JsonObject view = new JsonObject();
    view.addProperty("id", "V0FORM");
    view.addProperty("type", "modal");
    view.addProperty("callback_id", "find_traces_form");
    view.addProperty("private_metadata", metadata);
    view.addProperty("hash", "h3");
    view.add("state", state);
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "view_submission");
    payload.add("team", JsonParser.parseString("{\"id\":\"T0001\",\"domain\":\"acme\"}"));
    payload.add(
        "user",
        JsonParser.parseString(
            "{\"id\":\"U0AGENT\",\"username\":\"agent\",\"team_id\":\"T0001\"}"));
    payload.addProperty("api_app_id", "A0001");
    payload.addProperty("trigger_id", "1.2.4");
    payload.add("view", view);
    return payload.toString();
  }

  private static JsonObject input(String value) {
    JsonObject field = new JsonObject();
    field.addProperty("type", "plain_text_input");
    if (value != null) {
      field.addProperty("value", value);
    }
    JsonObject block = new JsonObject();
    block.add("value", field);
    return block;
  }

  private static FakeHttpServer.RecordedRequest takePublish(SignedSlackBot bot)
      throws InterruptedException {
    return bot.slackApi().server().takeRequest("/api/views.publish", WAIT);
  }

  /** Returns the recent list's lines: the sections with a "Run again" button. */
  private static List<String> recentLines(String view) {
    List<String> lines = new ArrayList<>();
    for (JsonElement block :
        JsonParser.parseString(view).getAsJsonObject().getAsJsonArray("blocks")) {
      JsonObject object = block.getAsJsonObject();
      if (object.has("accessory")
          && object
              .getAsJsonObject("accessory")
              .get("action_id")
              .getAsString()
              .equals("home_run_again")) {
        lines.add(object.getAsJsonObject("text").get("text").getAsString());
      }
    }
    return lines;
  }

  private static String runAgainValue(String view) {
    for (JsonElement block :
        JsonParser.parseString(view).getAsJsonObject().getAsJsonArray("blocks")) {
      JsonObject object = block.getAsJsonObject();
      if (object.has("accessory")
          && object
              .getAsJsonObject("accessory")
              .get("action_id")
              .getAsString()
              .equals("home_run_again")) {
        return object.getAsJsonObject("accessory").get("value").getAsString();
      }
    }
    throw new AssertionError("no Run again button in " + view);
  }

  /** Returns every text the agent reads in the view. */
  private static List<String> texts(String view) {
    List<String> texts = new ArrayList<>();
    collect(JsonParser.parseString(view).getAsJsonObject().get("blocks"), texts);
    return texts;
  }

  private static void collect(JsonElement element, List<String> texts) {
    if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(item -> collect(item, texts));
    } else if (element.isJsonObject()) {
      for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
        if (member.getKey().equals("text") && member.getValue().isJsonPrimitive()) {
          texts.add(member.getValue().getAsString());
        } else {
          collect(member.getValue(), texts);
        }
      }
    }
  }

  private static String homeOpened(JsonObject view) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_home_opened");
    event.addProperty("user", "U0AGENT");
    event.addProperty("channel", "D0BOTDM");
    event.addProperty("tab", "home");
    event.addProperty("event_ts", "1770389300.000500");
    if (view != null) {
      event.add("view", view);
    }
    JsonObject body = new JsonObject();
    body.addProperty("token", "legacy");
    body.addProperty("team_id", "T0001");
    body.addProperty("api_app_id", "A0001");
    body.addProperty("type", "event_callback");
    body.addProperty("event_id", "Ev0HOME" + EVENTS.incrementAndGet());
    body.addProperty("event_time", 1770389300);
    body.add("event", event);
    return body.toString();
  }

  /** Returns a block_actions payload for a press on the Home tab, which has no response URL. */
  private static String homePress(String actionId, String value, String view) {
    JsonObject action = new JsonObject();
    action.addProperty("type", "button");
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "b1");
    if (value != null) {
      action.addProperty("value", value);
    }
    action.addProperty("action_ts", "1770389400.000100");
    JsonArray actions = new JsonArray();
    actions.add(action);
    JsonObject shown = JsonParser.parseString(view).getAsJsonObject();
    shown.addProperty("id", "V0HOME");
    shown.addProperty("hash", "h9");
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    payload.addProperty("trigger_id", "13345224609.738474920.8088930838d88f");
    payload.addProperty("api_app_id", "A0001");
    payload.addProperty("token", "legacy");
    JsonObject team = new JsonObject();
    team.addProperty("id", "T0001");
    team.addProperty("domain", "acme");
    payload.add("team", team);
    JsonObject user = new JsonObject();
    user.addProperty("id", "U0AGENT");
    user.addProperty("team_id", "T0001");
    payload.add("user", user);
    JsonObject container = new JsonObject();
    container.addProperty("type", "view");
    container.addProperty("view_id", "V0HOME");
    payload.add("container", container);
    payload.add("view", shown);
    payload.add("actions", actions);
    return payload.toString();
  }

  private static String command(URI responseUrl, String text) {
    return dev.tracelookup.testing.SlashCommandForm.encoded(
        dev.tracelookup.testing.SlashCommandForm.fields("U0AGENT", text, responseUrl.toString()));
  }
}
