package dev.tracelookup.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.SearchFanout;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.command.CommandSyntax;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.config.Config;
import dev.tracelookup.http.CallGate;
import dev.tracelookup.http.ReadBudget;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.reply.CustomerReply;
import dev.tracelookup.incidents.reply.ReplyActions;
import dev.tracelookup.lookup.Admission;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.ChannelCopies;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.NoteTaker;
import dev.tracelookup.lookup.ReplyDrafts;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AttributePolicy;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.privacy.AuditSink;
import dev.tracelookup.privacy.PrintStreamSink;
import dev.tracelookup.privacy.Redactor;
import dev.tracelookup.privacy.RotatingFileSink;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.server.Readiness;
import dev.tracelookup.server.ReadinessPolicy;
import dev.tracelookup.slack.SlackApp;
import dev.tracelookup.slack.SlackLink;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.tickets.TicketResolvers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The object graph every face shares, built by hand from the configuration. */
final class Wiring {
  private static final Logger log = LoggerFactory.getLogger(Wiring.class);
  private static final Duration FIRST_INCIDENTS_WAIT = Duration.ofSeconds(3);

  final Config config;
  final Clock clock;
  final TraceBackend backend;
  final LookupCache cache;
  final TraceLookup lookup;
  final LookupRequestParser parser;
  final LookupPresenter presenter;
  final BlastRadii blastRadii;
  final RequestTokens tokens;
  final IncidentCatalog incidents;
  final ReplyDrafts drafts;
  final TicketResolvers tickets;
  final NoteTaker notes;
  final AuditLog audit;
  final Telemetry telemetry;
  final Readiness readiness;
  final SlackLink slackLink;
  private final ExecutorService readinessChecks;
  private final ScheduledExecutorService incidentScheduler;
  private final ScheduledExecutorService backendFollower = Backends.daemon();
  // One thread for every lookup's one progress check: each is a single response_url post.
  final ScheduledExecutorService progressTimer =
      Executors.newSingleThreadScheduledExecutor(named("progress"));
  final ExecutorService jobs;
  final ExecutorService slackCalls;
  private final ThreadPoolExecutor fetches;
  private final ThreadPoolExecutor blastCounts;
  private final ReadBudget reads;
  private final CallGate gate;

  /**
   * @param telemetry where spans and metrics go: the agent's or an SDK's when one is installed
   */
  Wiring(Config config, Clock clock, Telemetry telemetry) {
    this.config = config;
    this.clock = clock;
    this.telemetry = telemetry;
    Config.Lookup settings = config.lookup();
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.backend().timeout()).build();
    this.gate =
        config.backend().type().remote()
            ? CallGate.of(config.backend().maxConcurrent())
            : CallGate.unlimited();
    // Lookups wait on the backend, Slack and ticket systems, not on the cores: a handful of threads
    // capped the bot at threads ÷ backend latency lookups a second (8 ÷ 2 s = 4/s), whatever the
    // machine. Java 17 has no virtual threads, and the clients block by design (each attempt's
    // watch, bodies streamed through budgeted readers), so instead of splitting every reader into
    // CompletableFuture stages the bot runs lookups on many platform threads, which cost about
    // 115 kB of native memory each while they wait (NMT, in the bench) and die when idle, and
    // limits concurrency where it protects something: the backend's CallGate, and admission by
    // deadline (lookup.Admission). A lookup runs on its job's thread (TraceLookup) and reads its
    // first trace there too, so a waiting lookup holds one thread, plus one per further trace read
    // or search run in parallel. The bench measures both the load and the memory (BENCHMARKS.md,
    // issue 16).
    // A full fetch queue makes the lookup read its traces on its own thread instead of queueing.
    this.fetches =
        pool(
            "fetch",
            settings.threads(),
            settings.threads() * settings.fetchParallelism(),
            Wiring::runHereUnlessShutDown);
    // The searches one Jaeger or Zipkin query is made of (one per user key) share the fetch pool:
    // the same kind of wait, under the same bound, and run one after the other when it is full.
    // Lanes beyond the lookups' own threads are capped at a sixteenth of the lookup threads (128 by
    // default): under load they multiplied threads when memory was tightest (SearchFanout).
    this.backend =
        Backends.create(
            config,
            http,
            clock,
            telemetry,
            backendFollower,
            gate,
            new SearchFanout(
                fetches, settings.fetchParallelism(), Math.max(1, settings.threads() / 16)));
    long maxHeap = Runtime.getRuntime().maxMemory();
    this.reads = ReadBudget.of(HeapShares.readBytes(settings, maxHeap));
    // Bounded on purpose: past max-queued, agents are told "busy" instead of memory growing.
    this.jobs = pool("lookup", settings.threads(), Math.max(1, settings.maxQueued()), abort());
    this.slackCalls = Executors.newFixedThreadPool(4, named("slack-api"));
    Config.Cache caching = config.cache();
    long traceSpans = HeapShares.traceCacheSpans(caching.maxTraceSpans(), maxHeap);
    if (traceSpans < caching.maxTraceSpans()) {
      log.info(
          "the trace cache holds at most {} spans, a quarter of the {} MiB heap, instead of"
              + " cache.max-trace-spans {}",
          traceSpans,
          maxHeap >> 20,
          caching.maxTraceSpans());
    }
    log.info(
        "lookups may hold {} MiB of backend answers at once (lookup.max-bytes-in-flight)",
        reads.capacity() >> 20);
    this.cache =
        new LookupCache(
            caching.maxLookups(),
            caching.recentTtl(),
            caching.settledTtl(),
            caching.recentThreshold(),
            traceSpans,
            caching.traceTtl(),
            clock,
            Ticker.systemTicker(),
            Runnable::run);
    UserIdHasher hasher = hasher(config.privacy());
    UserIdFingerprint fingerprints = fingerprints(config);
    this.lookup =
        new TraceLookup(
            backend,
            cache,
            fetches,
            settings.maxTraces(),
            settings.fetchParallelism(),
            settings.budget(),
            hasher,
            shownAttributes(config.privacy()),
            telemetry,
            fingerprints,
            reads,
            new Admission(gate, TraceLookup.callTime(settings.budget())));
    this.parser =
        new LookupRequestParser(
            clock,
            settings.userIdPattern(),
            settings.halfWindow(),
            settings.recentWindow(),
            settings.maxWindow(),
            settings.dateOrder());
    this.tokens =
        new RequestTokens(
            settings.userIdPattern(), settings.maxWindow(), buttonKey(config.slack()));
    this.incidentScheduler =
        Executors.newScheduledThreadPool(
            Math.max(1, config.incidents().sources().size()), named("incidents"));
    this.incidents = IncidentWiring.catalog(config.incidents(), http, clock, incidentScheduler);
    awaitFirstIncidents(incidents.start());
    ChannelCopies channelCopies =
        new ChannelCopies(fingerprints, hasher, config.privacy().sharedExceptionMessages());
    this.notes =
        new NoteTaker(
            lookup,
            incidents,
            channelCopies,
            TicketWiring.notes(config.tickets(), http, clock, telemetry, Ticker.systemTicker()));
    this.presenter =
        new LookupPresenter(
                new CardRenderer(), backend.displayName(), tokens, incidents, channelCopies)
            .withTicketNotes(notes::writable)
            .withWidespreadCustomers(config.blast().widespreadCustomers());
    // Counts run after the card is posted, on threads of their own: a crowd asking about one
    // failure shares one count, so a few threads serve an incident.
    this.blastCounts = pool("blast", 8, 100, abort());
    this.blastRadii =
        new BlastRadii(
            backend,
            hasher,
            config.blast().around(),
            config.blast().limit(),
            settings.budget(),
            config.blast().cacheTtl(),
            1_000,
            reads,
            blastCounts,
            Ticker.systemTicker());

    this.tickets = TicketWiring.resolvers(config.tickets(), http, clock, telemetry);
    this.audit = auditLog(config.audit(), clock);
    this.drafts =
        new ReplyDrafts(
            lookup,
            incidents,
            replyTemplates(config.incidents()),
            new ReplyActions(config.incidents().replyActions()));
    this.readinessChecks = Executors.newFixedThreadPool(2, named("readiness"));
    this.slackLink = new SlackLink(clock);
    this.readiness =
        ReadinessWiring.readiness(
            backend,
            tickets,
            incidents,
            java.util.List.of(
                ReadinessWiring.slack(slackLink, config.slack().socketMode(), clock),
                ReadinessPolicy.audit(audit, config.audit(), clock)),
            readinessChecks,
            clock);
  }

  /**
   * Button values must verify on every replica, so their key comes from a secret all replicas
   * share: the signing secret, or the bot token in Socket Mode; a lone CLI run gets a random one.
   */
  private static byte[] buttonKey(Config.Slack slack) {
    return slack
        .signingSecret()
        .or(slack::botToken)
        .map(
            secret ->
                ("trace-lookup button values:" + secret.value()).getBytes(StandardCharsets.UTF_8))
        .orElseGet(
            () -> {
              byte[] random = new byte[32];
              new java.security.SecureRandom().nextBytes(random);
              return random;
            });
  }

  /**
   * Customer fingerprints must match across replicas and restarts, so their key comes from the
   * environment: {@code FINGERPRINT_KEY}, else derived from the signing secret, else from the app
   * token (Socket Mode). Serving always has one of the two; a command-line run without any gets a
   * random key, whose fingerprints mean nothing outside that run.
   */
  static UserIdFingerprint fingerprints(Config config) {
    Config.Slack slack = config.slack();
    Optional<UserIdFingerprint> shared =
        config
            .privacy()
            .fingerprintKey()
            .map(key -> new UserIdFingerprint(key.bytes(), "FINGERPRINT_KEY"))
            .or(
                () ->
                    slack
                        .signingSecret()
                        .map(
                            secret ->
                                UserIdFingerprint.derivedFrom(
                                    secret.value(), "SLACK_SIGNING_SECRET")))
            .or(
                () ->
                    slack
                        .appToken()
                        .map(
                            token ->
                                UserIdFingerprint.derivedFrom(token.value(), "SLACK_APP_TOKEN")));
    if (shared.isPresent()) {
      log.info("customer fingerprints (u:…) are keyed by {}", shared.get().origin());
      return shared.get();
    }
    log.info(
        "customer fingerprints (u:…) are keyed by a random key for this process: they match nothing"
            + " outside this run; set FINGERPRINT_KEY to keep them");
    return UserIdFingerprint.randomKey();
  }

  /**
   * Waits briefly for the first fetch of every incident source, so the first cards name known
   * incidents; a source that hangs must not hold up the start (Statuspage's budget is 30 s).
   */
  private static void awaitFirstIncidents(CompletableFuture<Void> fetched) {
    try {
      fetched.get(FIRST_INCIDENTS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      log.warn(
          "incident sources still loading after {} s; cards name them unavailable until they"
              + " answer",
          FIRST_INCIDENTS_WAIT.toSeconds());
    } catch (ExecutionException unexpected) {
      log.warn("first incident fetch failed", unexpected.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static AttributePolicy shownAttributes(Config.Privacy privacy) {
    Redactor redactor = new Redactor();
    return privacy
        .cardAttributes()
        .map(keys -> new AttributePolicy(keys, redactor))
        .orElseGet(() -> AttributePolicy.defaults(redactor));
  }

  private static UserIdHasher hasher(Config.Privacy privacy) {
    return privacy
        .hashKey()
        .map(
            key ->
                UserIdHasher.hmac(
                    key.value().getBytes(StandardCharsets.UTF_8),
                    privacy.hashFormat().equals("base64url")
                        ? UserIdHasher.Format.BASE64URL
                        : UserIdHasher.Format.HEX,
                    privacy.hashPrefix()))
        .orElse(UserIdHasher.identity());
  }

  /** Returns what the Slack handlers share. */
  SlackApp.Services slackServices() {
    return new SlackApp.Services(
        lookup,
        parser,
        presenter,
        tokens,
        drafts,
        TicketWiring.links(config.tickets()),
        tickets,
        TicketWiring.window(config.tickets()),
        audit,
        slackLink,
        Optional.of(notes),
        Optional.of(blastRadii));
  }

  /** Returns the command help, stating the configured defaults. */
  String usage() {
    return CommandSyntax.usage(config.lookup().halfWindow(), config.lookup().recentWindow());
  }

  /** Lets running lookups finish and deliver their answers, within the lookup budget. */
  void drain() throws InterruptedException {
    jobs.shutdown();
    if (!jobs.awaitTermination(config.lookup().budget().toSeconds() + 5, TimeUnit.SECONDS)) {
      // Queued deeper than one budget clears: say so rather than let the exit drop them silently.
      ThreadPoolExecutor pool = (ThreadPoolExecutor) jobs;
      log.warn(
          "stopping with {} lookups unanswered: still queued or running after the drain time",
          pool.getQueue().size() + pool.getActiveCount());
    }
    slackCalls.shutdownNow();
    incidents.close();
    incidentScheduler.shutdownNow();
    backendFollower.shutdownNow();
    progressTimer.shutdownNow();
    fetches.shutdownNow();
    blastCounts.shutdownNow();
    readinessChecks.shutdownNow();
  }

  /** Standard output by default, where container platforms already collect and keep lines. */
  private static AuditLog auditLog(Config.Audit audit, Clock clock) {
    AuditSink sink =
        audit
            .file()
            .<AuditSink>map(file -> new RotatingFileSink(file, audit.maxBytes(), audit.keep()))
            .orElseGet(() -> new PrintStreamSink(System.out));
    return new AuditLog(
        sink,
        clock,
        audit.deliverOnFailure() ? AuditLog.OnFailure.DELIVER : AuditLog.OnFailure.REFUSE);
  }

  private static CustomerReply replyTemplates(Config.Incidents incidents) {
    return new CustomerReply(
        template(incidents.replyWithIncident(), "/reply-incident.txt"),
        template(incidents.replyWithoutIncident(), "/reply-no-incident.txt"));
  }

  /** Returns the configured template, or the one shipped in the jar. */
  private static String template(Optional<Path> configured, String builtIn) {
    try {
      if (configured.isPresent()) {
        return Files.readString(configured.get(), StandardCharsets.UTF_8);
      }
      try (InputStream in = Wiring.class.getResourceAsStream(builtIn)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(
          "the reply template "
              + configured.map(Path::toString).orElse(builtIn)
              + " cannot be read",
          unreadable);
    }
  }

  /**
   * Returns a pool that reuses an idle thread, else starts one up to {@code threads}, then queues
   * up to {@code queued}; threads idle for 30 s end, so a burst's threads do not outlive it.
   */
  private static ThreadPoolExecutor pool(
      String name, int threads, int queued, RejectedExecutionHandler whenFull) {
    return ElasticPool.of(threads, queued, named(name), whenFull);
  }

  private static RejectedExecutionHandler abort() {
    return new ThreadPoolExecutor.AbortPolicy();
  }

  /**
   * Like {@link ThreadPoolExecutor.CallerRunsPolicy}, but refuses after shutdown rather than drop
   * the task.
   */
  private static void runHereUnlessShutDown(Runnable task, ThreadPoolExecutor pool) {
    if (pool.isShutdown()) {
      throw new RejectedExecutionException("the fetch pool is shut down");
    }
    task.run();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
