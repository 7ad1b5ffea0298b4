package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.ManualScheduler;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A lookup still running after 3 s replaces its "Looking up…" once with where it stands, through
 * the same response URL its answer takes, which Slack lets an app use five times: a real runner,
 * lookup and response-URL client, a fake Slack, a backend that holds trace reads until the test
 * lets them go, and a manual scheduler, so nothing sleeps.
 */
final class SlowLookupProgressTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant FROM = Instant.parse("2026-02-06T14:00:00Z");
  private static final String RESPONSES = FakeSlackApi.RESPONSE_PATH;

  private final ManualScheduler timer = new ManualScheduler();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ExecutorService jobThread = Executors.newSingleThreadExecutor();
  private FakeSlackApi slack;

  @AfterEach
  void stop() throws Exception {
    threads.shutdownNow();
    jobThread.shutdownNow();
    if (slack != null) {
      slack.close();
    }
  }

  @Test
  void slowLookup_stillRunningAfterThreeSeconds_postsOneProgressWithTheCountsThenTheAnswerLast()
      throws Exception {
    HeldBackend backend = new HeldBackend(14, 6);
    LookupRunner runner = runner(backend);

    assertThat(submit(runner, "slow")).isTrue();
    backend.awaitHeld();
    timer.advance(Duration.ofSeconds(3));
    backend.release();
    List<String> posts = responsePosts();
    timer.advance(Duration.ofMinutes(1));

    assertThat(posts).as("two of the five uses Slack allows").hasSize(2);
    assertThat(posts.get(0))
        .contains("Tempo found 14 traces, reading them (6 of 14)")
        .contains("\"replace_original\":true");
    assertThat(posts.get(1))
        .as("the card comes last, replacing the progress message")
        .contains("\"replace_original\":true")
        .contains("Traces for usr_k8x9m2");
    assertThat(slack.server().pending()).isZero();
  }

  @Test
  void fastLookup_answeredWithinThreeSeconds_postsNoProgress() throws Exception {
    HeldBackend backend = new HeldBackend(14, 14);
    LookupRunner runner = runner(backend);

    assertThat(submit(runner, "fast")).isTrue();
    List<String> posts = responsePosts();
    timer.advance(Duration.ofSeconds(3));

    assertThat(posts).hasSize(1);
    assertThat(posts.get(0))
        .contains("Traces for usr_k8x9m2")
        .contains("\"replace_original\":false");
    assertThat(timer.pendingDelays()).as("the check was called off").isEmpty();
    assertThat(slack.server().pending()).isZero();
  }

  @Test
  void slowSearch_stillSearchingAfterThreeSeconds_saysSoOnce() throws Exception {
    HeldBackend backend = new HeldBackend(14, 0);
    LookupRunner runner = runner(backend);

    assertThat(submit(runner, "searching")).isTrue();
    backend.awaitHeld();
    timer.advance(Duration.ofSeconds(3));
    timer.advance(Duration.ofSeconds(3));
    backend.release();
    List<String> posts = responsePosts();

    assertThat(posts).hasSize(2);
    assertThat(posts.get(0)).contains("Still waiting for Tempo to answer the search");
    assertThat(posts.get(1)).contains("Traces for usr_k8x9m2");
  }

  private boolean submit(LookupRunner runner, String responseId) {
    LookupRequest request =
        new LookupRequest(
            "usr_k8x9m2",
            new TimeWindow(FROM, FROM.plus(Duration.ofMinutes(30)), ZoneOffset.UTC, "2:15pm"),
            Optional.empty(),
            Optional.empty(),
            false);
    return runner.submitLookup(
        new Asker("U0AGENT", "T0001", "C0SUPPORT"),
        request,
        ZoneOffset.UTC,
        slack.responseUrl(responseId).toString(),
        Audience.agent(false));
  }

  /**
   * Returns the bodies of every post to a response URL, in the order Slack got them, once the job
   * has ended.
   */
  private List<String> responsePosts() throws Exception {
    jobThread.shutdown();
    assertThat(jobThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    List<String> posts = new ArrayList<>();
    while (slack.server().pending() > 0) {
      RecordedRequest call = slack.server().takeRequest(WAIT);
      if (call.path().startsWith(RESPONSES)) {
        posts.add(call.body());
      }
    }
    return posts;
  }

  private LookupRunner runner(TraceBackend backend) throws Exception {
    slack = new FakeSlackApi();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    Slack sdk = Slack.getInstance(config);
    Clock clock = Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
    SlackReplies replies =
        new ResponseUrlReplies(sdk, sdk.methods("xoxb-test"), wait -> {}, new SlackLink(clock));
    LookupCache cache =
        new LookupCache(
            10,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            10_000,
            Duration.ofHours(1),
            clock,
            Ticker.systemTicker(),
            Runnable::run);
    TraceLookup lookup = new TraceLookup(backend, cache, threads, 20, 4, Duration.ofSeconds(30));
    UserIdFingerprint fingerprints = UserIdFingerprint.randomKey();
    return new LookupRunner(
        lookup,
        new LookupPresenter(new CardRenderer(), "Tempo"),
        replies,
        new LookupJobs(jobThread, Duration.ofMinutes(1), Ticker.systemTicker()),
        new Audits(new AuditLog(line -> {}, clock), "Tempo", fingerprints),
        Optional.of(timer),
        (user, outcome) -> {});
  }

  /**
   * A backend whose search names {@code traces} traces and whose first {@code quick} reads answer
   * at once; the others, and with {@code quick} 0 the search itself, wait for {@link #release}.
   */
  private static final class HeldBackend implements TraceBackend {
    private final int traces;
    private final int quick;
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch held;
    private final AtomicInteger reads = new AtomicInteger();

    HeldBackend(int traces, int quick) {
      this.traces = traces;
      this.quick = quick;
      // With 4 readers, 4 reads are held; a held search is one.
      this.held = new CountDownLatch(quick == traces ? 0 : quick == 0 ? 1 : 4);
    }

    void awaitHeld() throws InterruptedException {
      assertThat(held.await(10, TimeUnit.SECONDS)).as("the backend was asked").isTrue();
    }

    void release() {
      released.countDown();
    }

    @Override
    public String displayName() {
      return "Tempo";
    }

    @Override
    public SearchResult search(TraceQuery query) {
      if (quick == 0) {
        hold();
      }
      List<TraceRef> refs = new ArrayList<>();
      for (int n = 1; n <= traces; n++) {
        refs.add(new TraceRef(id(n), Optional.empty()));
      }
      return new SearchResult.Found(refs, List.of());
    }

    @Override
    public FetchResult fetch(String traceId) {
      if (quick > 0 && reads.incrementAndGet() > quick) {
        hold();
      }
      int n = Integer.parseInt(traceId.substring(24), 16);
      Trace trace =
          new Trace(
              traceId,
              List.of(
                  TestSpans.span("1")
                      .traceId(traceId)
                      .server()
                      .name("GET /api/cart")
                      .at(60_000L * n)
                      .http(n == 3 ? 500 : 200)
                      .build()));
      return new FetchResult.Fetched(trace, false);
    }

    @Override
    public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
      return Optional.empty();
    }

    private void hold() {
      held.countDown();
      try {
        released.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private static String id(int n) {
      return String.format("%032x", n);
    }
  }
}
