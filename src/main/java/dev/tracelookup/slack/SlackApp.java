package dev.tracelookup.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.LinkSharedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.tracelookup.command.CommandSyntax;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigException;
import dev.tracelookup.config.Secret;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.NoteTaker;
import dev.tracelookup.lookup.ReplyDrafts;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AccessPolicy;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.render.ActionId;
import dev.tracelookup.render.HomeView;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.ReplyModal;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.tickets.TicketResolver;
import dev.tracelookup.tickets.TicketWindow;
import dev.tracelookup.tickets.links.TicketLinks;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Bolt app with every listener registered; the only place that knows the listener IDs.
 */
public final class SlackApp {
  private static final Logger log = LoggerFactory.getLogger(SlackApp.class);
  public static final String FIND_TRACES = "find_traces";

  private SlackApp() {}

  /**
   * Adds the middleware. Bolt builds its default middleware on the first {@code use}, which checks
   * the bot token with {@code auth.test} at once: a refused token or an unreachable Slack becomes a
   * startup error that says what to check, not a stack trace.
   */
  private static void use(App app, Middleware middleware, String apiUrl) {
    try {
      app.use(middleware);
    } catch (IllegalArgumentException refused) {
      throw new ConfigException(
          List.of(
              "SLACK_BOT_TOKEN: Slack refused it, or Slack could not be reached at "
                  + apiUrl
                  + " ("
                  + refused.getMessage()
                  + "); check the token (xoxb-…, from OAuth & Permissions) and that the"
                  + " server can reach Slack"));
    }
  }

  /** Throws unless {@code apps.connections.open} takes the app-level token. */
  private static void openable(String appToken, App app) {
    String problem;
    try {
      AppsConnectionsOpenResponse open = app.slack().methods(appToken).appsConnectionsOpen(r -> r);
      if (open.isOk()) {
        return;
      }
      problem = "error: " + open.getError();
    } catch (IOException | SlackApiException unreachable) {
      problem = unreachable.getMessage();
    }
    throw appTokenProblem(app, problem);
  }

  private static ConfigException appTokenProblem(App app, String problem) {
    return new ConfigException(
        List.of(
            "SLACK_APP_TOKEN: Slack refused it, or Slack could not be reached at "
                + app.slack().getConfig().getMethodsEndpointUrlPrefix()
                + " ("
                + problem
                + "); check the app-level token (xapp-…, Basic Information → App-Level Tokens, with"
                + " the connections:write scope) and that the server can reach Slack"));
  }

  /**
   * Returns the workspace (and organisation) the bot token belongs to, which {@link HomeTeams}
   * treats as home: read from Slack rather than configured, so it cannot be set wrong.
   */
  private static HomeTeams.Installation installation(
      MethodsClient bot, String apiUrl, SlackLink link) {
    String refusal;
    try {
      AuthTestResponse auth = bot.authTest(r -> r);
      String team =
          auth.getTeamId() == null || auth.getTeamId().isBlank()
              ? auth.getEnterpriseId()
              : auth.getTeamId();
      if (auth.isOk() && team != null && !team.isBlank()) {
        link.recorded("auth.test", "");
        return new HomeTeams.Installation(
            team,
            Optional.ofNullable(auth.getEnterpriseId())
                .filter(enterprise -> !enterprise.isBlank()));
      }
      refusal = auth.isOk() ? "auth.test named no workspace" : auth.getError();
    } catch (IOException | SlackApiException unreachable) {
      refusal = unreachable.getMessage();
    }
    throw new ConfigException(
        List.of(
            "SLACK_BOT_TOKEN: Slack refused it, or Slack could not be reached at "
                + apiUrl
                + " ("
                + refusal
                + "); check the token (xoxb-…, from OAuth & Permissions) and that the server can"
                + " reach Slack"));
  }

  /** The pipeline the handlers share. */
  public record Services(
      TraceLookup lookup,
      LookupRequestParser parser,
      LookupPresenter presenter,
      RequestTokens tokens,
      ReplyDrafts drafts,
      TicketLinks ticketLinks,
      TicketResolver tickets,
      TicketWindow ticketWindow,
      AuditLog audit,
      SlackLink link,
      Optional<NoteTaker> notes,
      Optional<BlastRadii> blastRadii) {
    public Services {
      notes = notes == null ? Optional.empty() : notes;
      blastRadii = blastRadii == null ? Optional.empty() : blastRadii;
    }

    /** Returns the services of a bot that counts no blast radius. */
    public Services(
        TraceLookup lookup,
        LookupRequestParser parser,
        LookupPresenter presenter,
        RequestTokens tokens,
        ReplyDrafts drafts,
        TicketLinks ticketLinks,
        TicketResolver tickets,
        TicketWindow ticketWindow,
        AuditLog audit,
        SlackLink link,
        Optional<NoteTaker> notes) {
      this(
          lookup,
          parser,
          presenter,
          tokens,
          drafts,
          ticketLinks,
          tickets,
          ticketWindow,
          audit,
          link,
          notes,
          Optional.empty());
    }

    /** Returns the services of a bot that writes to no ticket system. */
    public Services(
        TraceLookup lookup,
        LookupRequestParser parser,
        LookupPresenter presenter,
        RequestTokens tokens,
        ReplyDrafts drafts,
        TicketLinks ticketLinks,
        TicketResolver tickets,
        TicketWindow ticketWindow,
        AuditLog audit,
        SlackLink link) {
      this(
          lookup,
          parser,
          presenter,
          tokens,
          drafts,
          ticketLinks,
          tickets,
          ticketWindow,
          audit,
          link,
          Optional.empty());
    }
  }

  /**
   * Connects the app to Slack over Socket Mode with an app-level token: no public URL, Slack pushes
   * events over a WebSocket. Returns the running connection, to close at shutdown.
   *
   * @throws ConfigException when Slack refuses the app-level token or cannot be reached: without
   *     the websocket no request ever arrives, so the bot must not stay up looking healthy
   */
  public static SocketModeApp startSocketMode(String appToken, App app) throws Exception {
    return startSocketMode(appToken, app, new SlackLink(java.time.Clock.systemUTC()));
  }

  /**
   * Connects over Socket Mode and reports the websocket to {@code link}, for {@code /readyz}.
   *
   * @see #startSocketMode(String, App)
   */
  public static SocketModeApp startSocketMode(String appToken, App app, SlackLink link)
      throws Exception {
    // Asked first, directly: the SDK's own start logs a stack trace and fails with a bare
    // NullPointerException when Slack is out of reach.
    openable(appToken, app);
    SocketModeApp socketMode =
        new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
    try {
      socketMode.startAsync();
    } catch (RuntimeException | IOException refused) {
      // Refused between the two asks: the SDK's message names Slack's error code, never the token.
      throw appTokenProblem(app, refused.getMessage());
    }
    // The SDK replaces its session on reconnect; the client stays, so ask it each time.
    link.socket(socketMode::getClient);
    return socketMode;
  }

  /**
   * Returns the app.
   *
   * @param slack the SDK client, pointed at {@code SLACK_API_URL}
   * @param services the lookup pipeline and how its answers are read and written
   * @param jobs the bounded executor lookups run on after the ack
   * @param slackCalls runs Web API reads (users.info), apart from lookups so a full queue cannot
   *     delay an ack
   */
  public static App create(
      Config config,
      Slack slack,
      Services services,
      ExecutorService jobs,
      Executor slackCalls,
      Ticker ticker) {
    return create(config, slack, services, jobs, slackCalls, ticker, Telemetry.noop());
  }

  /**
   * Returns the app, recording a span and a count for every answer sent after the ack.
   *
   * @see #create(Config, Slack, Services, ExecutorService, Executor, Ticker)
   */
  public static App create(
      Config config,
      Slack slack,
      Services services,
      ExecutorService jobs,
      Executor slackCalls,
      Ticker ticker,
      Telemetry telemetry) {
    return create(
        config,
        slack,
        services,
        jobs,
        slackCalls,
        ticker,
        telemetry,
        Optional.empty(),
        HomeSources.unchecked());
  }

  /**
   * What the Home tab shows besides the agent's lookups, and the clock its list is dated by.
   *
   * @param health how {@code /readyz} last saw each dependency; handed in from the wiring, as the
   *     server face owns the checks
   */
  public record HomeSources(Supplier<List<HomeView.Dependency>> health, Clock clock) {
    /** Returns sources with no health to show (tests, and a bot without a server). */
    public static HomeSources unchecked() {
      return new HomeSources(List::of, Clock.systemUTC());
    }
  }

  /**
   * Returns the app, whose slow lookups tell the agent once where they stand, checked on {@code
   * progressTimer}, with a Home tab that shows what {@code homeSources} give.
   *
   * @see #create(Config, Slack, Services, ExecutorService, Executor, Ticker, Telemetry)
   */
  public static App create(
      Config config,
      Slack slack,
      Services services,
      ExecutorService jobs,
      Executor slackCalls,
      Ticker ticker,
      Telemetry telemetry,
      Optional<ScheduledExecutorService> progressTimer,
      HomeSources homeSources) {
    // BotServer's filter verifies every HTTP request before Bolt sees it, stricter than Bolt
    // (future
    // timestamps, constant time) and on the raw bytes; Bolt's own check would re-read the body with
    // the platform charset and refuse non-ASCII JSON on hosts that are not UTF-8.
    AppConfig.AppConfigBuilder builder =
        AppConfig.builder().slack(slack).requestVerificationEnabled(false);
    config.slack().signingSecret().map(Secret::value).ifPresent(builder::signingSecret);
    config.slack().botToken().map(Secret::value).ifPresent(builder::singleTeamBotToken);
    App app = new App(builder.build());

    MethodsClient bot = slack.methods(config.slack().botToken().map(Secret::value).orElse(null));
    SlackReplies replies =
        new TracedReplies(
            new ResponseUrlReplies(
                slack, bot, duration -> Thread.sleep(duration.toMillis()), services.link()),
            telemetry);
    AgentZoneReader zones =
        new AgentZoneReader(
            new AgentZones(app.client(), config.cache().userZoneTtl(), ticker, slackCalls));
    Audits audits =
        new Audits(
            services.audit(), services.lookup().backendName(), services.lookup().fingerprints());
    // Half the budget in the queue at most, so the agent hears something within 1.5 budgets.
    LookupJobs lookupJobs = new LookupJobs(jobs, config.lookup().budget().dividedBy(2), ticker);
    HomeTab homeTab =
        new HomeTab(
            bot,
            new RecentLookups(services.tokens()),
            services.lookup().fingerprints(),
            homeSources.health(),
            zones,
            slackCalls,
            homeSources.clock(),
            ticker);
    LookupRunner runner =
        new LookupRunner(
            services.lookup(),
            services.presenter(),
            replies,
            lookupJobs,
            audits,
            progressTimer,
            homeTab::lookedUp,
            services.blastRadii());
    AccessPolicy access =
        new AccessPolicy(
            config.access(), new SlackGroupMembers(bot, config.access().groupTtl(), ticker));
    if (access.open()) {
      log.warn(
          "access: no channels, user groups or users are listed, so everyone in the workspace may"
              + " look up customer traces; list them under access: in the config to restrict it");
    }
    HomeTeams home =
        new HomeTeams(installation(bot, config.slack().apiUrl(), services.link()), config.access());
    if (config.access().externalAllowed()) {
      log.warn(
          "access.external: allow, so people of other workspaces and organisations (Slack Connect"
              + " partners) may look up customer traces too");
    }
    // Repeats are dropped before anything else runs, refusals included: each event and press acts
    // once.
    use(app, new EventDeliveries(ticker), config.slack().apiUrl());
    use(
        app,
        new ActionReplays(config.slack().timestampTolerance(), ticker),
        config.slack().apiUrl());
    use(app, new AccessGate(home, access, replies, audits), config.slack().apiUrl());
    String usage =
        CommandSyntax.usage(config.lookup().halfWindow(), config.lookup().recentWindow());

    TicketFlow flow = new TicketFlow(services.tickets(), services.ticketWindow(), lookupJobs);
    app.command(
        config.slack().command(),
        new TraceCommandHandler(
            services.parser(),
            services.ticketLinks(),
            flow,
            zones,
            runner,
            usage,
            services.lookup().fingerprints()));
    for (ActionId action : ActionId.values()) {
      BlockActionHandler handler =
          switch (action) {
            // A URL button still sends block_actions, which must be acked.
            case OPEN_TRACE -> (request, ctx) -> ctx.ack();
            case SHOW_TRACE -> new ShowTraceHandler(services.tokens(), zones, runner, replies);
            case SHARE ->
                new CardButtonHandler(
                    CardButtonHandler.Kind.SHARE, services.tokens(), zones, runner, replies);
            case REFRESH ->
                new CardButtonHandler(
                    CardButtonHandler.Kind.REFRESH, services.tokens(), zones, runner, replies);
            case PREVIOUS_PAGE, NEXT_PAGE ->
                new PageButtonHandler(services.tokens(), zones, runner, replies);
            case DRAFT_REPLY ->
                new DraftReplyHandler(
                    services.drafts(), zones, lookupJobs, replies, audits, services.tokens());
            case PICK_TICKET -> new TicketPickHandler(services.ticketLinks(), flow, zones, replies);
            case ADD_NOTE -> noteHandler(services, lookupJobs, replies, audits);
            case OPEN_FORM -> new OpenFormHandler(replies);
          };
      app.blockAction(action.pattern(), handler);
    }
    // The draft is for copying; "Done" just closes the modal.
    app.viewSubmission(ReplyModal.CALLBACK_ID, (request, ctx) -> ctx.ack());
    app.messageShortcut(
        FIND_TRACES,
        new FindTracesShortcutHandler(
            services.parser(), services.ticketLinks(), flow, zones, runner, replies, usage));
    app.event(
        AppMentionEvent.class,
        new MentionHandler(
            services.parser(),
            services.ticketLinks(),
            services.tickets(),
            zones,
            runner,
            lookupJobs,
            replies));
    app.viewSubmission(
        LookupModal.CALLBACK_ID,
        new FormSubmissionHandler(
            services.parser(),
            config.lookup().userIdPattern(),
            runner,
            zones,
            Optional.of(services.ticketLinks())));
    HomeHandlers homeHandlers =
        new HomeHandlers(homeTab, services.tokens(), zones, runner, replies);
    app.event(AppHomeOpenedEvent.class, homeHandlers.opened());
    app.blockAction(HomeView.FIND_TRACES, homeHandlers.findTraces());
    app.blockAction(HomeView.RUN_AGAIN, homeHandlers.runAgain());
    app.event(
        LinkSharedEvent.class,
        new LinkUnfurlHandler(
            new TraceLinks(config.slack().unfurlDomains()),
            services.lookup(),
            services.presenter(),
            config.backend().userAttributes(),
            lookupJobs,
            audits,
            bot));
    return app;
  }

  /** A bot without ticket write access draws no note button; a stale one is answered anyway. */
  private static BlockActionHandler noteHandler(
      Services services, LookupJobs jobs, SlackReplies replies, Audits audits) {
    if (services.notes().isEmpty()) {
      return (request, ctx) -> {
        String responseUrl = request.getPayload().getResponseUrl();
        if (responseUrl != null) {
          replies.respond(
              responseUrl,
              Messages.failure(
                  "This bot has no write access to ticket systems, so it cannot add notes."
                      + " Nothing was written."),
              SlackReplies.Visibility.EPHEMERAL);
        }
        return ctx.ack();
      };
    }
    return new NoteButtonHandler(
        services.notes().get(),
        services.tokens(),
        services.ticketLinks(),
        jobs,
        replies,
        audits,
        Optional.of(services.lookup()),
        services.blastRadii());
  }
}
