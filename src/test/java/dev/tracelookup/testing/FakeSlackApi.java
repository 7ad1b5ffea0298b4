package dev.tracelookup.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Slack Web API methods the bot calls ({@code auth.test}, {@code users.info}, {@code
 * usergroups.users.list}, …), plus a {@code response_url} endpoint, on one local server. Bolt calls
 * {@code auth.test} several times before the first request, so it always answers.
 */
public final class FakeSlackApi implements AutoCloseable {
  public static final String RESPONSE_PATH = "/response/";
  private final FakeHttpServer server;
  private final Map<String, String> zones = new ConcurrentHashMap<>();
  private final Map<String, String> locales = new ConcurrentHashMap<>();
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
  private final AtomicInteger groupReads = new AtomicInteger();
  private final AtomicInteger publishes = new AtomicInteger();
  private volatile int responseStatus = 200;
  private volatile String socketUrl = "";
  private volatile boolean tokenRevoked;
  private volatile String installedTeam = "T0001";
  private volatile String installedEnterprise = "";
  private volatile String postMessageError = "";
  private volatile String postEphemeralError = "";
  private volatile String responseBody = "";
  private final Map<String, Function<FakeHttpServer.RecordedRequest, FakeHttpServer.Reply>>
      overrides = new ConcurrentHashMap<>();
  private final Map<String, String> threadParents = new ConcurrentHashMap<>();
  private volatile String repliesError = "";

  public FakeSlackApi() throws Exception {
    this.server = new FakeHttpServer(this::answer);
  }

  /** Makes users.info give this zone for the Slack user. */
  public void zone(String slackUserId, String tz) {
    zones.put(slackUserId, tz);
  }

  /**
   * Makes users.info give this locale ({@code en-GB}) for the Slack user, as Slack does when asked
   * with {@code include_locale}.
   */
  public void locale(String slackUserId, String locale) {
    locales.put(slackUserId, locale);
  }

  /**
   * Makes usergroups.users.list list these members for the group; other groups are {@code
   * no_such_subteam}.
   */
  public void userGroup(String groupId, String... members) {
    groups.put(groupId, List.of(members));
  }

  /** How many times usergroups.users.list was called. */
  public int groupReads() {
    return groupReads.get();
  }

  /** Makes auth.test refuse the bot token, as Slack does for a revoked or mistyped one. */
  public void revokeToken() {
    this.tokenRevoked = true;
  }

  /**
   * Makes auth.test name this installation: the team, and the Enterprise organisation it belongs to
   * ({@code ""} for none). The default is team T0001 outside any organisation.
   */
  public void installation(String teamId, String enterpriseId) {
    this.installedTeam = teamId;
    this.installedEnterprise = enterpriseId;
  }

  /**
   * Makes conversations.replies give this message (a JSON object, as Slack writes it) as the first
   * message of the thread {@code threadTs} in the channel; other threads are {@code
   * thread_not_found}.
   */
  public void threadParent(String channel, String threadTs, String messageJson) {
    threadParents.put(channel + "/" + threadTs, messageJson);
  }

  /**
   * Makes conversations.replies fail with this Slack error code ({@code missing_scope}, {@code
   * not_in_channel}, …); empty for success.
   */
  public void repliesError(String error) {
    this.repliesError = error;
  }

  /** Makes apps.connections.open hand out this WebSocket URL (Socket Mode). */
  public void socketUrl(String url) {
    this.socketUrl = url;
  }

  /**
   * Makes chat.postMessage fail with this Slack error code ({@code not_in_channel}, …); empty for
   * success.
   */
  public void postMessageError(String error) {
    this.postMessageError = error;
  }

  /**
   * Makes chat.postEphemeral fail with this Slack error code ({@code channel_not_found}, …); empty
   * for success.
   */
  public void postEphemeralError(String error) {
    this.postEphemeralError = error;
  }

  /**
   * Makes every response_url answer as Slack does once it is past its 30 minutes: {@code 404} with
   * the body {@code expired_url}.
   */
  public void expireResponseUrls() {
    this.responseBody = "expired_url";
    this.responseStatus = 404;
  }

  /** Makes the Web API method ({@code views.open}, …) answer this way instead, for fault drills. */
  public void override(
      String method, Function<FakeHttpServer.RecordedRequest, FakeHttpServer.Reply> answer) {
    overrides.put("/api/" + method, answer);
  }

  public void responseStatus(int status) {
    this.responseStatus = status;
  }

  /** The Web API base, ending in {@code /}, as SLACK_API_URL takes it. */
  public String apiUrl() {
    return server.uri().resolve("/api/").toString();
  }

  public URI responseUrl(String id) {
    return server.uri().resolve(RESPONSE_PATH + id);
  }

  public FakeHttpServer server() {
    return server;
  }

  private FakeHttpServer.Reply answer(FakeHttpServer.RecordedRequest request) {
    Function<FakeHttpServer.RecordedRequest, FakeHttpServer.Reply> override =
        overrides.get(request.path());
    if (override != null) {
      return override.apply(request);
    }
    if (request.path().equals("/api/auth.test") && tokenRevoked) {
      return FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"invalid_auth\"}");
    }
    if (request.path().equals("/api/auth.test")) {
      return FakeHttpServer.Reply.json(
          "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\","
              + "\"user\":\"trace-lookup\",\"team_id\":\""
              + installedTeam
              + "\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0001\""
              + (installedEnterprise.isEmpty()
                  ? ""
                  : ",\"enterprise_id\":\"" + installedEnterprise + "\"")
              + ",\"is_enterprise_install\":false}");
    }
    if (request.path().equals("/api/users.info")) {
      String user = formValue(request.body(), "user");
      String tz = zones.get(user);
      if (tz == null) {
        return FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"user_not_found\"}");
      }
      return FakeHttpServer.Reply.json(
          "{\"ok\":true,\"user\":{\"id\":\""
              + user
              + "\",\"name\":\"agent\","
              + "\"tz\":\""
              + tz
              + "\",\"tz_label\":\"label\",\"tz_offset\":0"
              + (locales.containsKey(user)
                      && formValue(request.body(), "include_locale").matches("1|true")
                  ? ",\"locale\":\"" + locales.get(user) + "\""
                  : "")
              + "}}");
    }
    if (request.path().equals("/api/usergroups.users.list")) {
      groupReads.incrementAndGet();
      List<String> members = groups.get(formValue(request.body(), "usergroup"));
      return members == null
          ? FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"no_such_subteam\"}")
          : FakeHttpServer.Reply.json(
              "{\"ok\":true,\"users\":["
                  + members.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(","))
                  + "]}");
    }
    if (request.path().equals("/api/views.open") || request.path().equals("/api/views.update")) {
      return FakeHttpServer.Reply.json(
          "{\"ok\":true,\"view\":{\"id\":\"V0REPLY\",\"hash\":\"h1\",\"type\":\"modal\"}}");
    }
    if (request.path().equals("/api/views.publish")) {
      // Slack answers with the view as published, its private_metadata and a fresh hash.
      com.google.gson.JsonObject view =
          com.google.gson.JsonParser.parseString(formValue(request.body(), "view"))
              .getAsJsonObject();
      view.addProperty("id", "V0HOME");
      view.addProperty("hash", "h" + publishes.incrementAndGet());
      return FakeHttpServer.Reply.json("{\"ok\":true,\"view\":" + view + "}");
    }
    if (request.path().equals("/api/chat.unfurl")) {
      return FakeHttpServer.Reply.json("{\"ok\":true}");
    }
    if (request.path().equals("/api/chat.postEphemeral")) {
      return postEphemeralError.isEmpty()
          ? FakeHttpServer.Reply.json("{\"ok\":true,\"message_ts\":\"1700000001.000300\"}")
          : FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"" + postEphemeralError + "\"}");
    }
    if (request.path().equals("/api/chat.postMessage")) {
      // Slack names the conversation it posted in: a user ID becomes their direct message's.
      String channel = formValue(request.body(), "channel");
      String conversation = channel.startsWith("U") ? "D0DIRECT" : channel;
      return postMessageError.isEmpty()
          ? FakeHttpServer.Reply.json(
              "{\"ok\":true,\"channel\":\"" + conversation + "\",\"ts\":\"1700000001.000200\"}")
          : FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"" + postMessageError + "\"}");
    }
    if (request.path().equals("/api/chat.update")) {
      // The bot may update only its own messages; this fake takes any, as Slack does for them.
      return FakeHttpServer.Reply.json(
          "{\"ok\":true,\"channel\":\""
              + formValue(request.body(), "channel")
              + "\",\"ts\":\""
              + formValue(request.body(), "ts")
              + "\"}");
    }
    if (request.path().equals("/api/conversations.replies")) {
      return replies(request);
    }
    if (request.path().equals("/api/apps.connections.open")) {
      return FakeHttpServer.Reply.json("{\"ok\":true,\"url\":\"" + socketUrl + "\"}");
    }
    if (request.path().startsWith(RESPONSE_PATH)) {
      String body = !responseBody.isEmpty() ? responseBody : responseStatus == 200 ? "ok" : "no";
      return new FakeHttpServer.Reply(responseStatus, "text/plain", body, Map.of());
    }
    return FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"unknown_method\"}");
  }

  /**
   * Answers as Slack does: the thread's parent first, with {@code has_more} and a cursor when more
   * replies follow; {@code missing_scope} names the scope {@code needed}.
   */
  private FakeHttpServer.Reply replies(FakeHttpServer.RecordedRequest request) {
    if (repliesError.equals("missing_scope")) {
      return FakeHttpServer.Reply.json(
          "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"channels:history\","
              + "\"provided\":\"commands,chat:write,users:read,app_mentions:read\"}");
    }
    if (!repliesError.isEmpty()) {
      return FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"" + repliesError + "\"}");
    }
    String parent =
        threadParents.get(
            formValue(request.body(), "channel") + "/" + formValue(request.body(), "ts"));
    if (parent == null) {
      return FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"thread_not_found\"}");
    }
    return FakeHttpServer.Reply.json(
        "{\"ok\":true,\"messages\":["
            + parent
            + "],\"has_more\":true,\"response_metadata\":{\"next_cursor\":"
            + "\"bmV4dF90czoxNzAwMDAwMDAxMDAwMjAw\"}}");
  }

  /** Returns a form field of a recorded Web API call, decoded. */
  public static String formValue(String body, String name) {
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return java.net.URLDecoder.decode(
            pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
