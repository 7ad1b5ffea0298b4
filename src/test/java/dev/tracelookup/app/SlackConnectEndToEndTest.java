package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slack Connect and other workspaces, through signed requests in Slack's own payload shapes. The
 * bot is installed in workspace T0001 ({@code auth.test}); a partner's person (team T0PARTNER) in a
 * channel shared with them reaches every entry point, and must get no customer data from any.
 */
final class SlackConnectEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PARTNER_TEAM = "T0PARTNER";
  private static final String SHARED_CHANNEL = "C0SHARED";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final LookupRequest CHECKOUT =
      new LookupRequest(
          "usr_k8x9m2",
          new TimeWindow(
              Instant.parse("2026-02-06T14:00:00Z"),
              Instant.parse("2026-02-06T14:30:00Z"),
              ZoneOffset.UTC,
              "2:15pm"),
          Optional.empty(),
          Optional.empty(),
          false);
  @TempDir static Path dir;
  private static SignedSlackBot bot;
  private long jobsBefore;
  private int auditLinesBefore;

  @BeforeAll
  static void start() throws Exception {
    // Default access: nothing listed, so everyone of the workspace may look up; partners still may
    // not.
    bot = new SignedSlackBot(dir, "");
    bot.slackApi().zone("U0AGENT", "UTC");
    bot.slackApi().zone("U0PARTNER", "UTC");
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  @BeforeEach
  void mark() throws Exception {
    drain(bot.slackApi());
    jobsBefore = bot.jobsQueued();
    auditLinesBefore = bot.auditLines().size();
  }

  @ParameterizedTest
  @ValueSource(strings = {"show_trace", "share_card", "refresh_card", "draft_reply"})
  void cardButton_pressedByAPartnerInASharedChannel_isRefusedPrivatelyAndShowsNothing(String action)
      throws Exception {
    String value =
        action.equals("show_trace") || action.equals("draft_reply")
            ? TRACE_ID
            : bot.buttonValue(CHECKOUT);

    bot.postPayload(button("U0PARTNER", PARTNER_TEAM, action, value, "partner-" + action));

    RecordedRequest refusal =
        bot.slackApi().server().takeRequest("/response/partner-" + action, WAIT);
    assertThat(refusal.body())
        .contains("only for people of the workspace trace-lookup is installed in")
        .contains("\"response_type\":\"ephemeral\"")
        .doesNotContain("payment-svc")
        .doesNotContain("usr_k8x9m2");
    assertNothingRanAndRefusalAudited("U0PARTNER", PARTNER_TEAM, "external");
    assertThat(slackCallsSoFar()).doesNotContain("/api/views.open", "/api/chat.postMessage");
  }

  @Test
  void mention_byAPartnerInASharedChannel_isRefusedPrivatelyAndAuditedWithTheirTeam()
      throws Exception {
    bot.event(mention("Ev0PARTNER", "U0PARTNER", PARTNER_TEAM, true));

    RecordedRequest refusal = bot.slackApi().server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(refusal.body(), "user")).isEqualTo("U0PARTNER");
    assertThat(FakeSlackApi.formValue(refusal.body(), "text"))
        .contains("only for people of the workspace trace-lookup is installed in");
    assertNothingRanAndRefusalAudited("U0PARTNER", PARTNER_TEAM, "external");
    assertThat(slackCallsSoFar()).doesNotContain("/api/chat.postMessage");
  }

  @Test
  void
      mention_byOurOwnAgentInAChannelSharedWithAPartner_isRefusedBecauseThePartnerWouldReadTheCard()
          throws Exception {
    bot.event(mention("Ev0OURS", "U0AGENT", "T0001", true));

    RecordedRequest refusal = bot.slackApi().server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(refusal.body(), "user")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(refusal.body(), "text"))
        .contains("shared with another organisation");
    assertNothingRanAndRefusalAudited("U0AGENT", "T0001", "shared_channel");
    assertThat(slackCallsSoFar()).doesNotContain("/api/chat.postMessage");
  }

  @Test
  void slashCommand_fromAnotherOrganisationsWorkspace_isRefusedInTheAck() throws Exception {
    HttpResponse<String> ack =
        bot.post(
            "token=legacy&team_id="
                + PARTNER_TEAM
                + "&team_domain=partner"
                + "&enterprise_id=E0PARTNER&enterprise_name=Partner&channel_id="
                + SHARED_CHANNEL
                + "&channel_name=shared"
                + "&user_id=U0PARTNER&user_name=pat&command=%2Ftrace-lookup&text=usr_k8x9m2+2026-02-06+14%3A15+UTC"
                + "&response_url="
                + encode(bot.slackApi().responseUrl("partner-command").toString())
                + "&trigger_id=1.2.3&api_app_id=A0001&is_enterprise_install=false");

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body())
        .contains("only for people of the workspace trace-lookup is installed in")
        .doesNotContain("Looking up");
    assertNothingRanAndRefusalAudited("U0PARTNER", PARTNER_TEAM, "external");
  }

  @Test
  void findTracesShortcut_byAPartner_opensNoFormAndIsRefused() throws Exception {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "message_action")
            .put("callback_id", "find_traces")
            .put("trigger_id", "1.2.3")
            .put("response_url", bot.slackApi().responseUrl("partner-shortcut").toString())
            .put("message_ts", "1770389100.000200")
            .put("action_ts", "1770389200.000300")
            .put("token", "legacy")
            .put("is_enterprise_install", false);
    payload.set("team", JSON.createObjectNode().put("id", PARTNER_TEAM).put("domain", "partner"));
    payload.set(
        "user",
        JSON.createObjectNode()
            .put("id", "U0PARTNER")
            .put("name", "pat")
            .put("team_id", PARTNER_TEAM));
    payload.set("channel", JSON.createObjectNode().put("id", SHARED_CHANNEL).put("name", "shared"));
    payload.set(
        "message",
        JSON.createObjectNode()
            .put("type", "message")
            .put("ts", "1770389100.000200")
            .put(
                "text",
                "usr_k8x9m2 2026-02-06 14:15 UTC https://acme.zendesk.com/agent/tickets/4521"));

    bot.postPayload(payload.toString());

    RecordedRequest refusal =
        bot.slackApi().server().takeRequest("/response/partner-shortcut", WAIT);
    assertThat(refusal.body())
        .contains("only for people of the workspace trace-lookup is installed in");
    assertNothingRanAndRefusalAudited("U0PARTNER", PARTNER_TEAM, "external");
    assertThat(slackCallsSoFar()).doesNotContain("/api/views.open");
  }

  @Test
  void lookupForm_submittedByAPartner_runsNothingAndIsRefused() throws Exception {
    bot.postPayload(form("U0PARTNER", PARTNER_TEAM, "partner-form"));

    RecordedRequest refusal = bot.slackApi().server().takeRequest("/response/partner-form", WAIT);
    assertThat(refusal.body())
        .contains("only for people of the workspace trace-lookup is installed in")
        .doesNotContain("payment-svc");
    assertNothingRanAndRefusalAudited("U0PARTNER", PARTNER_TEAM, "external");
  }

  @Test
  void showTrace_pressedByOurOwnAgentInASharedChannel_answersPrivately() throws Exception {
    bot.postPayload(button("U0AGENT", "T0001", "show_trace", TRACE_ID, "ours-show"));

    RecordedRequest answer = bot.slackApi().server().takeRequest("/response/ours-show", WAIT);
    assertThat(answer.body())
        .contains("\"response_type\":\"ephemeral\"")
        .doesNotContain("installed in");
    assertThat(bot.jobsQueued()).isGreaterThan(jobsBefore);
  }

  @Test
  void everyEntryPoint_withChannelOnlyAccessThatListsTheSharedChannel_stillRefusesThePartner(
      @TempDir Path own) throws Exception {
    try (SignedSlackBot channelOnly =
        new SignedSlackBot(own, "access:\n  channels: [" + SHARED_CHANNEL + "]\n")) {
      channelOnly.postPayload(
          button(
              channelOnly.slackApi(),
              "U0PARTNER",
              PARTNER_TEAM,
              "show_trace",
              TRACE_ID,
              "channel-only"));
      channelOnly.event(mention("Ev0CHANNELONLY", "U0PARTNER", PARTNER_TEAM, true));

      RecordedRequest refusal =
          channelOnly.slackApi().server().takeRequest("/response/channel-only", WAIT);
      assertThat(refusal.body())
          .contains("only for people of the workspace trace-lookup is installed in");
      RecordedRequest mentionRefusal =
          channelOnly.slackApi().server().takeRequest("/api/chat.postEphemeral", WAIT);
      assertThat(FakeSlackApi.formValue(mentionRefusal.body(), "text")).contains("installed in");
      assertThat(channelOnly.jobsQueued()).isZero();
      assertThat(channelOnly.auditLines())
          .hasSize(2)
          .allSatisfy(
              line -> {
                assertThat(line.get("event").asText()).isEqualTo("denied");
                assertThat(line.get("team").asText()).isEqualTo(PARTNER_TEAM);
              });
    }
  }

  @Test
  void mention_withExternalAccessAllowed_isAnsweredAndAuditedWithThePartnersTeam(@TempDir Path own)
      throws Exception {
    try (SignedSlackBot open = new SignedSlackBot(own, "access:\n  external: allow\n")) {
      open.event(mention("Ev0ALLOWED", "U0PARTNER", PARTNER_TEAM, true));

      RecordedRequest card = open.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
      assertThat(FakeSlackApi.formValue(card.body(), "text"))
          .contains("u:")
          .doesNotContain("usr_k8x9m2");
      JsonNode line = auditLine(open, "lookup");
      assertThat(line.get("slack_user").asText()).isEqualTo("U0PARTNER");
      assertThat(line.get("team").asText()).isEqualTo(PARTNER_TEAM);
    }
  }

  @Test
  void showTrace_byAPartnerWhoseTeamIsListed_isAnsweredAndAuditedWithTheirTeam(@TempDir Path own)
      throws Exception {
    try (SignedSlackBot listed =
        new SignedSlackBot(own, "access:\n  teams: [" + PARTNER_TEAM + "]\n")) {
      listed.slackApi().zone("U0PARTNER", "UTC");
      listed.postPayload(
          button(listed.slackApi(), "U0PARTNER", PARTNER_TEAM, "show_trace", TRACE_ID, "listed"));

      RecordedRequest answer = listed.slackApi().server().takeRequest("/response/listed", WAIT);
      assertThat(answer.body()).doesNotContain("installed in");
      JsonNode line = auditLine(listed, "show_trace");
      assertThat(line.get("team").asText()).isEqualTo(PARTNER_TEAM);
    }
  }

  /**
   * Installed in workspace T0001 of the Enterprise organisation E0ACME: Slack names the
   * organisation as a person's team there, and a sister workspace carries the organisation too.
   */
  @Test
  void enterpriseInstall_ourOrganisationsPeopleAreServedAndAnotherOrganisationsRefused(
      @TempDir Path own) throws Exception {
    try (SignedSlackBot grid =
        new SignedSlackBot(own, "", slack -> slack.installation("T0001", "E0ACME"))) {
      grid.slackApi().zone("U0AGENT", "UTC");
      grid.postPayload(
          enterpriseButton(grid.slackApi(), "U0AGENT", "E0ACME", "T0002", "E0ACME", "sister"));
      grid.postPayload(
          enterpriseButton(grid.slackApi(), "U0OTHER", "E0OTHER", "T0009", "E0OTHER", "other-org"));

      // The refusal comes at once, the trace after a lookup: take both answers in whatever order.
      java.util.Map<String, String> answers = new java.util.HashMap<>();
      while (answers.size() < 2) {
        RecordedRequest request = grid.slackApi().server().takeRequest(WAIT);
        if (request.path().startsWith("/response/")) {
          answers.put(request.path(), request.body());
        }
      }
      assertThat(answers.get("/response/sister")).doesNotContain("installed in");
      assertThat(answers.get("/response/other-org"))
          .contains("only for people of the workspace trace-lookup is installed in");
    }
  }

  private void assertNothingRanAndRefusalAudited(String user, String team, String outcome)
      throws Exception {
    assertThat(bot.jobsQueued()).isEqualTo(jobsBefore);
    List<JsonNode> lines = bot.auditLines().subList(auditLinesBefore, bot.auditLines().size());
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("event").asText()).isEqualTo("denied");
    assertThat(lines.get(0).get("outcome").asText()).isEqualTo(outcome);
    assertThat(lines.get(0).get("slack_user").asText()).isEqualTo(user);
    assertThat(lines.get(0).get("team").asText()).isEqualTo(team);
  }

  /** Returns the first audit line of that event; jobs write it before they answer. */
  private static JsonNode auditLine(SignedSlackBot bot, String event) throws Exception {
    return bot.auditLines().stream()
        .filter(line -> line.get("event").asText().equals(event))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + event + " audit line"));
  }

  /**
   * A block_actions payload as Slack sends it for a press in the shared channel's ephemeral card.
   */
  private static String button(
      String user, String team, String action, String value, String responseId) {
    return button(bot.slackApi(), user, team, action, value, responseId);
  }

  private static String button(
      FakeSlackApi slack,
      String user,
      String team,
      String action,
      String value,
      String responseId) {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "block_actions")
            .put("api_app_id", "A0001")
            .put("token", "legacy")
            .put("trigger_id", "1.2.3")
            .put("is_enterprise_install", false)
            .put("response_url", slack.responseUrl(responseId).toString());
    payload.putNull("enterprise");
    payload.set(
        "user",
        JSON.createObjectNode()
            .put("id", user)
            .put("username", "someone")
            .put("name", "someone")
            .put("team_id", team));
    payload.set("team", JSON.createObjectNode().put("id", team).put("domain", "someone"));
    payload.set("channel", JSON.createObjectNode().put("id", SHARED_CHANNEL).put("name", "shared"));
    payload.set(
        "container",
        JSON.createObjectNode()
            .put("type", "message")
            .put("channel_id", SHARED_CHANNEL)
            .put("message_ts", "1770389000.000100")
            .put("is_ephemeral", true));
    payload
        .putArray("actions")
        .addObject()
        .put("action_id", action)
        .put("block_id", "b1")
        .put("type", "button")
        .put("value", value)
        .put("action_ts", "1770389002.000300");
    return payload.toString();
  }

  /** A Show trace press in an Enterprise organisation: the person's team is the organisation. */
  private static String enterpriseButton(
      FakeSlackApi slack,
      String user,
      String userTeam,
      String workspace,
      String enterprise,
      String responseId)
      throws Exception {
    ObjectNode payload =
        (ObjectNode)
            JSON.readTree(button(slack, user, userTeam, "show_trace", TRACE_ID, responseId));
    payload.set(
        "team",
        JSON.createObjectNode()
            .put("id", workspace)
            .put("domain", "ws")
            .put("enterprise_id", enterprise)
            .put("enterprise_name", "Org"));
    payload.set("enterprise", JSON.createObjectNode().put("id", enterprise).put("name", "Org"));
    payload.put("is_enterprise_install", false);
    return payload.toString();
  }

  /**
   * An app_mention as Slack delivers it to the installation (outer {@code team_id} is ours), from a
   * person of {@code team}; in a Slack Connect channel {@code is_ext_shared_channel} is true.
   */
  private static String mention(
      String eventId, String user, String team, boolean externallyShared) {
    return "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
               + "\"event_id\":\""
        + eventId
        + "\",\"event_time\":1770389300,\"is_ext_shared_channel\":"
        + externallyShared
        + ",\"context_team_id\":\"T0001\",\"context_enterprise_id\":null,\"authorizations\":[{\"enterprise_id\":null,"
        + "\"team_id\":\"T0001\",\"user_id\":\"U0BOT\",\"is_bot\":true,\"is_enterprise_install\":false}],"
        + "\"event\":{\"type\":\"app_mention\",\"user\":\""
        + user
        + "\",\"text\":\"<@U0BOT> usr_k8x9m2 2026-02-06"
        + " 14:15 tz UTC\",\"ts\":\""
        + ts(eventId)
        + "\",\"team\":\""
        + team
        + "\",\"user_team\":\""
        + team
        + "\","
        + "\"source_team\":\""
        + team
        + "\",\"user_profile\":{\"name\":\"someone\",\"team\":\""
        + team
        + "\"},"
        + "\"channel\":\""
        + SHARED_CHANNEL
        + "\",\"thread_ts\":\"1770389000.000100\",\"event_ts\":\""
        + ts(eventId)
        + "\"}}";
  }

  /** Each mention is its own message: the bot answers one message once, whatever its event ID. */
  private static String ts(String eventId) {
    return "1770389300." + String.format("%06d", Math.abs(eventId.hashCode()) % 1_000_000);
  }

  /** A lookup form submission, answering into the shared channel. */
  private static String form(String user, String team, String responseId) {
    ObjectNode values = JSON.createObjectNode();
    values.set(
        "user",
        JSON.createObjectNode()
            .set(
                "value",
                JSON.createObjectNode()
                    .put("type", "plain_text_input")
                    .put("value", "usr_k8x9m2")));
    values.set(
        "when",
        JSON.createObjectNode()
            .set(
                "value",
                JSON.createObjectNode()
                    .put("type", "plain_text_input")
                    .put("value", "2026-02-06 14:15")));
    values.set(
        "zone",
        JSON.createObjectNode()
            .set(
                "value",
                JSON.createObjectNode().put("type", "plain_text_input").put("value", "UTC")));
    ObjectNode metadata =
        JSON.createObjectNode()
            .put("c", SHARED_CHANNEL)
            .put("r", bot.slackApi().responseUrl(responseId).toString())
            .put("k", "");
    ObjectNode view =
        JSON.createObjectNode()
            .put("id", "V0FORM")
            .put("type", "modal")
            .put("callback_id", "find_traces_form")
            .put("hash", "h2")
            .put("private_metadata", metadata.toString());
    view.set("state", JSON.createObjectNode().set("values", values));
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "view_submission")
            .put("api_app_id", "A0001")
            .put("trigger_id", "1.2.4")
            .put("is_enterprise_install", false);
    payload.set("team", JSON.createObjectNode().put("id", team).put("domain", "someone"));
    payload.set(
        "user",
        JSON.createObjectNode().put("id", user).put("username", "someone").put("team_id", team));
    payload.set("view", view);
    return payload.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Returns the paths of the Slack calls recorded and not yet taken. */
  private static List<String> slackCallsSoFar() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    while (bot.slackApi().server().pending() > 0) {
      paths.add(bot.slackApi().server().takeRequest(WAIT).path());
    }
    return paths;
  }

  private static void drain(FakeSlackApi slack) throws InterruptedException {
    while (slack.server().pending() > 0) {
      slack.server().takeRequest(WAIT);
    }
  }
}
