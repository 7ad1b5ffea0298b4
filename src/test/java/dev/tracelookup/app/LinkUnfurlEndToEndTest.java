package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import dev.tracelookup.render.BlockKitCheck;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace link pasted into a channel ({@code link_shared}), end to end: signed event in, the
 * preview out through {@code chat.unfurl} to the fake Slack. The trace is the one whose services
 * quote the customer everywhere ({@link ChannelCopyEndToEndTest}): the preview is read by the whole
 * channel, so none of it may carry their ID.
 */
final class LinkUnfurlEndToEndTest {
  private static final String TRACE = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final AtomicInteger EVENTS = new AtomicInteger();

  @TempDir Path dir;
  private SignedSlackBot bot;

  private SignedSlackBot start(String extraConfig) throws Exception {
    Path traces = Files.createDirectories(dir.resolve("traces"));
    Files.writeString(
        traces.resolve("traces.jsonl"), ChannelCopyEndToEndTest.failingOrder() + "\n");
    bot = new SignedSlackBot(dir, traces, extraConfig);
    return bot;
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void linkShared_jaegerTraceLink_unfurlsTheErrorPathWithoutTheCustomersId() throws Exception {
    start("");
    String url = "https://jaeger.example.com/trace/" + TRACE;

    HttpResponse<String> ack = bot.event(linkShared("U0AGENT", url));

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest unfurl =
        bot.slackApi().server().takeRequest("/api/chat.unfurl", WAIT);
    assertThat(FakeSlackApi.formValue(unfurl.body(), "channel")).isEqualTo("C0SUPPORT");
    assertThat(FakeSlackApi.formValue(unfurl.body(), "ts")).isEqualTo("1770389300.000400");
    String unfurls = FakeSlackApi.formValue(unfurl.body(), "unfurls");
    assertThat(BlockKitCheck.unfurlViolations(unfurls)).isEmpty();
    assertThat(unfurls)
        .contains("\"" + url + "\"")
        .contains("Failed: POST /api/v1/orders")
        .contains("GatewayError")
        .contains("Root cause");
    for (String form : ChannelCopyEndToEndTest.FORMS) {
      assertThat(unfurl.body().toLowerCase(Locale.ROOT)).doesNotContain(form);
      assertThat(unfurls.toLowerCase(Locale.ROOT)).doesNotContain(form);
    }
    List<JsonNode> audit = bot.auditLines();
    assertThat(audit)
        .anySatisfy(
            line -> {
              assertThat(line.path("event").asText()).isEqualTo("unfurl");
              assertThat(line.path("shared").asBoolean()).isTrue();
            });
  }

  @Test
  void linkShared_grafanaExploreLinkAsSlackEscapesIt_unfurlsUnderTheUrlAsSent() throws Exception {
    start("");
    String panes =
        "{\"tl1\":{\"datasource\":\"tempo\",\"queries\":[{\"refId\":\"A\",\"datasource\":"
            + "{\"type\":\"tempo\",\"uid\":\"tempo\"},\"queryType\":\"traceql\",\"query\":\""
            + TRACE
            + "\"}],\"range\":{\"from\":\"now-1h\",\"to\":\"now\"}}}";
    // Slack writes the link's & as &amp; in link_shared, and chat.unfurl must name it the same way.
    String url =
        "https://grafana.example.com/explore?schemaVersion=1&amp;panes="
            + URLEncoder.encode(panes, StandardCharsets.UTF_8)
            + "&amp;orgId=1";

    bot.event(linkShared("U0AGENT", url));

    String unfurls =
        FakeSlackApi.formValue(
            bot.slackApi().server().takeRequest("/api/chat.unfurl", WAIT).body(), "unfurls");
    assertThat(unfurls).contains(new Gson().toJson(url)).contains("GatewayError");
    assertThat(BlockKitCheck.unfurlViolations(unfurls)).isEmpty();
  }

  @Test
  void linkShared_personRefusedAccess_getsNoPreviewAndNothingIsPosted() throws Exception {
    start("access:\n  users: [U0AGENT]\n");

    HttpResponse<String> refused =
        bot.event(linkShared("U0STRANGER", "https://zipkin.example.com/zipkin/traces/" + TRACE));
    bot.event(linkShared("U0AGENT", "https://zipkin.example.com/traces/" + TRACE));

    assertThat(refused.statusCode()).isEqualTo(200);
    List<FakeHttpServer.RecordedRequest> before = new ArrayList<>();
    FakeHttpServer.RecordedRequest next = bot.slackApi().server().takeRequest(WAIT);
    while (!next.path().equals("/api/chat.unfurl")) {
      before.add(next);
      next = bot.slackApi().server().takeRequest(WAIT);
    }
    // The refused link was never read: the one preview is the allowed person's.
    assertThat(FakeSlackApi.formValue(next.body(), "unfurls"))
        .contains("https://zipkin.example.com/traces/" + TRACE)
        .doesNotContain("/zipkin/traces/");
    assertThat(before)
        .extracting(FakeHttpServer.RecordedRequest::path)
        .doesNotContain("/api/chat.postEphemeral", "/api/chat.postMessage");
    assertThat(bot.auditLines())
        .anySatisfy(
            line -> {
              assertThat(line.path("slack_user").asText()).isEqualTo("U0STRANGER");
              assertThat(line.path("outcome").asText()).isEqualTo("denied");
            });
  }

  @Test
  void linkShared_conversationTheBotIsNotIn_getsNoPreview() throws Exception {
    start("");

    bot.event(linkShared("U0AGENT", "https://jaeger.example.com/trace/" + TRACE, false));
    bot.event(linkShared("U0AGENT", "https://zipkin.example.com/traces/" + TRACE));

    String unfurls =
        FakeSlackApi.formValue(
            bot.slackApi().server().takeRequest("/api/chat.unfurl", WAIT).body(), "unfurls");
    assertThat(unfurls).contains("zipkin.example.com").doesNotContain("jaeger.example.com");
  }

  private static String linkShared(String user, String url) {
    return linkShared(user, url, true);
  }

  /** Returns a link_shared callback as Slack sends it for a message posted in #support. */
  private static String linkShared(String user, String url, boolean botIsMember) {
    Gson gson = new Gson();
    return "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\","
        + "\"type\":\"event_callback\",\"event_id\":\"Ev0LINK"
        + EVENTS.incrementAndGet()
        + "\",\"event_time\":1770389300,\"event\":{\"type\":\"link_shared\",\"channel\":\"C0SUPPORT\","
        + "\"is_bot_user_member\":"
        + botIsMember
        + ",\"user\":"
        + gson.toJson(user)
        + ",\"message_ts\":\"1770389300.000400\",\"unfurl_id\":\"C0SUPPORT.1770389300.000400.abc\","
        + "\"source\":\"conversations_history\",\"links\":[{\"domain\":\"example.com\",\"url\":"
        + gson.toJson(url)
        + "}],\"event_ts\":\"1770389300.000500\"}}";
  }
}
