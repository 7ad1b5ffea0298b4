package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.incidents.CatalogSettings;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.reply.CustomerReply;
import dev.tracelookup.incidents.reply.ReplyActions;
import dev.tracelookup.lookup.ChannelCopies;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.ReplyDrafts;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AttributePolicy;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.privacy.Redactor;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SlashCommandForm;
import dev.tracelookup.tickets.ResolveResult;
import dev.tracelookup.tickets.TicketResolution;
import dev.tracelookup.tickets.TicketResolver;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.TicketWindow;
import dev.tracelookup.tickets.links.TicketHosts;
import dev.tracelookup.tickets.links.TicketLinks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Bolt app as {@link SlackApp#create} builds it, on the demo traces, driven in process through
 * {@link App#run(Request)} as Bolt's own tests drive theirs: no HTTP server, no signatures. The Web
 * API and every {@code response_url} go to a {@link FakeSlackApi}.
 *
 * <p>The jobs that run after the ack run on the calling thread, so when {@link #run} returns the
 * final answer has been sent: a test reads what Slack was asked without waiting.
 */
final class InProcessSlackApp implements AutoCloseable {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] BUTTON_KEY =
      "in-process button key, 32 bytes!".getBytes(StandardCharsets.US_ASCII);

  private final FakeSlackApi slack;
  private final List<String> auditLines = Collections.synchronizedList(new ArrayList<>());
  private final List<String> seen = new ArrayList<>();
  private final AtomicReference<TicketResolver> tickets =
      new AtomicReference<>(
          (link, zone) -> {
            throw new AssertionError("no ticket expected: " + link.url());
          });
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicLong pressed = new AtomicLong();
  private final ExecutorService searches = Executors.newCachedThreadPool();
  private final ScheduledExecutorService incidentScheduler =
      Executors.newSingleThreadScheduledExecutor();
  private final RequestTokens tokens;
  private final UserIdFingerprint fingerprints = UserIdFingerprint.randomKey();
  private final App app;

  /**
   * Builds the app.
   *
   * @param dir where the config file is written
   * @param extraConfig YAML appended to the config, such as an {@code access:} block
   */
  InProcessSlackApp(Path dir, String extraConfig) throws Exception {
    slack = new FakeSlackApi();
    slack.zone("U0AGENT", "UTC");
    Path file =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            "backend:\n  directory: "
                + Path.of("config/demo").toAbsolutePath()
                + "\n"
                + extraConfig);
    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                file.toString(),
                "SLACK_API_URL",
                slack.apiUrl(),
                "SLACK_SIGNING_SECRET",
                "in-process-secret",
                "SLACK_BOT_TOKEN",
                "xoxb-in-process"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Config.Lookup settings = config.lookup();
    OtlpFileBackend backend =
        OtlpFileBackend.open(
            config.backend().directory(),
            List.of("user.id", "enduser.id"),
            Optional.empty(),
            "demo files");
    LookupCache cache =
        new LookupCache(
            100,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            1_000_000,
            Duration.ofHours(1),
            clock,
            nanos::get,
            Runnable::run);
    TraceLookup lookup =
        new TraceLookup(
            backend,
            cache,
            searches,
            settings.maxTraces(),
            settings.fetchParallelism(),
            settings.budget(),
            UserIdHasher.identity(),
            AttributePolicy.defaults(new Redactor()),
            Telemetry.noop(),
            fingerprints);
    tokens = new RequestTokens(settings.userIdPattern(), settings.maxWindow(), BUTTON_KEY);
    IncidentCatalog incidents =
        new IncidentCatalog(List.of(), CatalogSettings.defaults(), incidentScheduler, clock);
    ChannelCopies copies = new ChannelCopies(fingerprints, UserIdHasher.identity(), false);
    LookupPresenter presenter =
        new LookupPresenter(new CardRenderer(), backend.displayName(), tokens, incidents, copies);
    ReplyDrafts drafts =
        new ReplyDrafts(
            lookup,
            incidents,
            new CustomerReply(resource("/reply-incident.txt"), resource("/reply-no-incident.txt")),
            new ReplyActions(Map.of()));
    LookupRequestParser parser =
        new LookupRequestParser(
            clock,
            settings.userIdPattern(),
            settings.halfWindow(),
            settings.recentWindow(),
            settings.maxWindow());
    SlackApp.Services services =
        new SlackApp.Services(
            lookup,
            parser,
            presenter,
            tokens,
            drafts,
            new TicketLinks(TicketHosts.none()),
            (link, zone) -> tickets.get().resolve(link, zone),
            TicketWindow.standard(),
            new AuditLog(auditLines::add, clock),
            new SlackLink(clock));
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
    app =
        SlackApp.create(
            config,
            Slack.getInstance(slackConfig),
            services,
            new CallerRuns(),
            Runnable::run,
            nanos::get);
  }

  /** Returns the fake Slack, to script its answers and read what it was asked. */
  FakeSlackApi slack() {
    return slack;
  }

  /** Makes the ticket systems answer every link this way. */
  void tickets(TicketResolver resolver) {
    tickets.set(resolver);
  }

  /**
   * Returns a ticket read from its system: the requester's user ID and zone, created at 14:20 UTC
   * on the day of the demo traces, with no time stated.
   */
  static ResolveResult resolved(String reference, String userId) {
    Instant created = Instant.parse("2026-02-06T14:20:00Z");
    return new ResolveResult.Resolved(
        new TicketResolution(
            TicketSystem.ZENDESK,
            reference,
            Optional.of(userId),
            Optional.of("the requester's external_id"),
            Optional.of(ZoneId.of("America/New_York")),
            created,
            Optional.empty(),
            Optional.empty(),
            "Order failed",
            created.minus(Duration.ofHours(2)),
            created.plus(Duration.ofMinutes(15))));
  }

  /** Returns the audit log's lines, parsed. */
  List<JsonNode> auditLines() throws IOException {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : List.copyOf(auditLines)) {
      parsed.add(JSON.readTree(line));
    }
    return parsed;
  }

  /** Returns the audit lines of one event. */
  List<JsonNode> auditLines(String event) throws IOException {
    return auditLines().stream().filter(line -> line.path("event").asText().equals(event)).toList();
  }

  /** Returns what the card's Share and Refresh buttons carry for the lookup. */
  String buttonValue(LookupRequest request) {
    return tokens.encode(request);
  }

  /** Returns what a "Show trace" button carries for the trace of the customer. */
  String traceValue(String traceId, String userId) {
    return tokens.traceValue(traceId, fingerprints.of(userId));
  }

  /** Returns how this app names the customer where a channel reads along. */
  String fingerprint(String userId) {
    return fingerprints.of(userId);
  }

  /**
   * Runs the request through the app's middleware and listener; jobs after the ack have run too.
   */
  Response run(Request<?> request) throws Exception {
    return app.run(request);
  }

  /**
   * Returns the next call to that path ({@code /api/chat.postMessage}, {@code /response/id}); the
   * calls before it stay in {@link #calls()}.
   */
  RecordedRequest next(String path) throws InterruptedException {
    while (true) {
      RecordedRequest call;
      try {
        call = slack.server().takeRequest(WAIT);
      } catch (AssertionError none) {
        throw new AssertionError(
            "no call to " + path + " within " + WAIT + "; Slack was called at " + seen);
      }
      seen.add(call.path());
      if (call.path().equals(path)) {
        return call;
      }
    }
  }

  /**
   * Returns the paths of every call Slack received since the app was built ({@code auth.test}
   * first), in order, including those {@link #next} went past: a call that must not happen is not
   * missed because it came before the one a test waited for.
   */
  List<String> calls() throws InterruptedException {
    while (slack.server().pending() > 0) {
      seen.add(slack.server().takeRequest(WAIT).path());
    }
    return List.copyOf(seen);
  }

  /** Returns a form field of a recorded Web API call. */
  static String field(RecordedRequest call, String name) {
    return FakeSlackApi.formValue(call.body(), name);
  }

  /**
   * Returns {@code /trace-lookup <text>} typed by the user in the channel, answering at {@code
   * responseId}.
   */
  SlashCommandRequest command(String user, String channel, String text, String responseId) {
    Map<String, String> form =
        SlashCommandForm.fields(user, text, slack.responseUrl(responseId).toString());
    form.put("channel_id", channel);
    form.put("trigger_id", "1.2.3");
    return new SlashCommandRequest(SlashCommandForm.encoded(form), headers());
  }

  /**
   * Returns a press of the button on a private card in C0SUPPORT, answering at {@code responseId}.
   */
  BlockActionRequest press(String user, String actionId, String value, String responseId) {
    ObjectNode payload = interaction("block_actions", user, responseId);
    payload.set("channel", JSON.createObjectNode().put("id", "C0SUPPORT").put("name", "support"));
    payload.set(
        "container",
        JSON.createObjectNode()
            .put("type", "message")
            .put("channel_id", "C0SUPPORT")
            .put("message_ts", "1770389000.000100")
            .put("is_ephemeral", true));
    // Each press its own action_ts, so that ActionReplays takes only real repeats for repeats.
    payload
        .putArray("actions")
        .addObject()
        .put("action_id", actionId)
        .put("block_id", "b1")
        .put("type", "button")
        .put("value", value)
        .put("action_ts", "1770389002." + pressed.incrementAndGet());
    return new BlockActionRequest(form(payload), payload.toString(), headers());
  }

  /** Returns the "Find traces" shortcut run by U0AGENT on a message in C0SUPPORT. */
  MessageShortcutRequest shortcut(
      String messageText, Optional<String> threadTs, String responseId) {
    ObjectNode payload = interaction("message_action", "U0AGENT", responseId);
    payload.put("callback_id", SlackApp.FIND_TRACES).put("message_ts", "1770389000.000100");
    payload.set("channel", JSON.createObjectNode().put("id", "C0SUPPORT").put("name", "support"));
    ObjectNode message =
        JSON.createObjectNode()
            .put("type", "message")
            .put("user", "U0CUSTOMERCARE")
            .put("text", messageText)
            .put("ts", "1770389000.000100");
    threadTs.ifPresent(ts -> message.put("thread_ts", ts));
    payload.set("message", message);
    return new MessageShortcutRequest(form(payload), payload.toString(), headers());
  }

  /** Returns U0AGENT's submission of a modal with these text inputs ({@code block_id → value}). */
  ViewSubmissionRequest submit(
      String callbackId, Map<String, String> inputs, String privateMetadata) {
    return submit("U0AGENT", callbackId, inputs, privateMetadata);
  }

  /** Returns the user's submission of a modal with these text inputs ({@code block_id → value}). */
  ViewSubmissionRequest submit(
      String user, String callbackId, Map<String, String> inputs, String privateMetadata) {
    ObjectNode payload =
        JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A0001");
    payload.set("team", JSON.createObjectNode().put("id", "T0001"));
    payload.set("user", JSON.createObjectNode().put("id", user).put("team_id", "T0001"));
    ObjectNode values = JSON.createObjectNode();
    inputs.forEach(
        (block, value) ->
            values.set(
                block,
                JSON.createObjectNode()
                    .set(
                        "value",
                        JSON.createObjectNode()
                            .put("type", "plain_text_input")
                            .put("value", value))));
    ObjectNode view =
        JSON.createObjectNode()
            .put("id", "V0FORM" + pressed.incrementAndGet())
            .put("type", "modal")
            .put("callback_id", callbackId)
            .put("private_metadata", privateMetadata)
            .put("hash", "h1");
    view.set("state", JSON.createObjectNode().set("values", values));
    payload.set("view", view);
    return new ViewSubmissionRequest(form(payload), payload.toString(), headers());
  }

  /** Returns {@code @trace-lookup <text>} by U0AGENT in a thread of C0SUPPORT. */
  EventRequest mention(String eventId, String text) {
    return mention(eventId, "U0AGENT", text);
  }

  /** Returns {@code @trace-lookup <text>} by the user in a thread of C0SUPPORT. */
  EventRequest mention(String eventId, String user, String text) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("token", "legacy")
            .put("team_id", "T0001")
            .put("api_app_id", "A0001")
            .put("type", "event_callback")
            .put("event_id", eventId)
            .put("event_time", 1770389300)
            .put("is_ext_shared_channel", false);
    body.putArray("authorizations")
        .addObject()
        .put("team_id", "T0001")
        .put("user_id", "U0BOT")
        .put("is_bot", true);
    body.putObject("event")
        .put("type", "app_mention")
        .put("user", user)
        .put("text", text)
        .put("ts", "1770389300.000400")
        .put("team", "T0001")
        .put("user_team", "T0001")
        .put("channel", "C0SUPPORT")
        .put("thread_ts", "1770389000.000100")
        .put("event_ts", "1770389300.000400");
    return new EventRequest(body.toString(), headers());
  }

  @Override
  public void close() throws Exception {
    searches.shutdownNow();
    incidentScheduler.shutdownNow();
    slack.close();
  }

  private ObjectNode interaction(String type, String user, String responseId) {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", type)
            .put("api_app_id", "A0001")
            .put("trigger_id", "1.2.3")
            .put("response_url", slack.responseUrl(responseId).toString());
    payload.set("user", JSON.createObjectNode().put("id", user).put("team_id", "T0001"));
    payload.set("team", JSON.createObjectNode().put("id", "T0001"));
    return payload;
  }

  private static String form(ObjectNode payload) {
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  private static RequestHeaders headers() {
    return new RequestHeaders(Map.of());
  }

  private static String resource(String name) {
    try (InputStream in = InProcessSlackApp.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** Runs each job on the thread that submits it: the handler's, before its ack is returned. */
  private static final class CallerRuns extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
      command.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
