package dev.tracelookup.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.render.HomeView;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each agent's Home tab ({@code views.publish}) when they open it and when one of their
 * lookups finishes.
 *
 * <p>The recent list lives in the published view's {@code private_metadata} ({@link
 * RecentLookups}), so any replica renders it from the view Slack hands back in {@code
 * app_home_opened}. Slack has no method that reads a Home tab, so to add a finished lookup a
 * replica needs the view as it stands: it remembers the last view it saw or published per agent,
 * and publishes with that view's {@code hash}. When another replica published since, Slack answers
 * {@code hash_conflict} and nothing is lost by overwriting; the entry then waits, with any entry
 * finished before this replica ever saw the agent's Home, until the agent next opens it here, where
 * it is merged into the list the opened view carries. With one replica, or sticky sessions, the
 * list is always whole; otherwise an entry may wait for its replica to see the Home opened again.
 */
final class HomeTab {
  private static final Logger log = LoggerFactory.getLogger(HomeTab.class);
  private static final int MAX_AGENTS = 10_000;
  private static final Duration KEPT = Duration.ofDays(1);
  private static final int LANES = 64;

  private final MethodsClient bot;
  private final RecentLookups recents;
  private final UserIdFingerprint fingerprints;
  private final Supplier<List<HomeView.Dependency>> health;
  private final AgentZoneReader zones;
  private final Executor slackCalls;
  private final Clock clock;
  private final Cache<String, Known> known;
  private final Cache<String, List<RecentLookups.Entry>> waiting;

  /**
   * One agent's publishes run one at a time, each after the last one's answer: a lookup that ends
   * while the Home tab is being published builds on the hash that publish returns, rather than on
   * the one before it, which Slack would refuse.
   */
  private final Object[] lanes = new Object[LANES];

  /** The Home view last seen or published for an agent: its list and hash. */
  private record Known(List<RecentLookups.Entry> entries, String hash) {}

  HomeTab(
      MethodsClient bot,
      RecentLookups recents,
      UserIdFingerprint fingerprints,
      Supplier<List<HomeView.Dependency>> health,
      AgentZoneReader zones,
      Executor slackCalls,
      Clock clock,
      Ticker ticker) {
    this.bot = bot;
    this.recents = recents;
    this.fingerprints = fingerprints;
    this.health = health;
    this.zones = zones;
    this.slackCalls = slackCalls;
    this.clock = clock;
    this.known = cache(ticker);
    this.waiting = cache(ticker);
    for (int i = 0; i < LANES; i++) {
      lanes[i] = new Object();
    }
  }

  private static <V> Cache<String, V> cache(Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(MAX_AGENTS)
        .expireAfterWrite(KEPT)
        .ticker(ticker)
        .build();
  }

  /**
   * The agent opened their Home tab: publishes it from the list the current view carries, with the
   * lookups waiting here added. Runs off the request thread, so the event is acked at once.
   */
  void opened(String user, Optional<View> current) {
    run(
        user,
        () -> {
          List<RecentLookups.Entry> carried =
              current.map(View::getPrivateMetadata).map(recents::decode).orElse(List.of());
          List<RecentLookups.Entry> pending =
              Optional.ofNullable(waiting.getIfPresent(user)).orElse(List.of());
          publish(
              user,
              RecentLookups.merged(carried, pending),
              current.map(View::getHash).filter(h -> !h.isBlank()));
        });
  }

  /** Remembers the Home view a button was pressed on, which is the view as it stands. */
  void seen(String user, View view) {
    if (view != null && view.getHash() != null) {
      known.put(user, new Known(recents.decode(view.getPrivateMetadata()), view.getHash()));
    }
  }

  /** One of the agent's lookups finished: adds it to their Home tab's recent list. */
  void lookedUp(String user, LookupOutcome outcome) {
    if (user.isEmpty()) {
      return;
    }
    RecentLookups.Entry entry = RecentLookups.of(clock.instant(), outcome);
    run(
        user,
        () -> {
          Known current = known.getIfPresent(user);
          if (current == null) {
            wait(user, entry);
            return;
          }
          if (!publish(
              user,
              RecentLookups.merged(current.entries(), List.of(entry)),
              Optional.of(current.hash()))) {
            wait(user, entry);
          }
        });
  }

  private void wait(String user, RecentLookups.Entry entry) {
    waiting.asMap().merge(user, List.of(entry), RecentLookups::merged);
  }

  /** Returns whether Slack took the view; remembers it when it did. */
  private boolean publish(String user, List<RecentLookups.Entry> entries, Optional<String> hash) {
    ZoneId zone = zones.zoneOf(user).zone();
    String metadata = recents.encode(entries);
    List<RecentLookups.Entry> kept = recents.decode(metadata);
    View view =
        HomeView.of(
            kept.stream().map(this::shown).collect(Collectors.toList()),
            health.get(),
            zone,
            metadata);
    try {
      ViewsPublishResponse published =
          bot.viewsPublish(r -> r.userId(user).view(view).hash(hash.orElse(null)));
      if (published.isOk()) {
        waiting.invalidate(user);
        String newHash = published.getView() == null ? null : published.getView().getHash();
        if (newHash != null) {
          known.put(user, new Known(kept, newHash));
        }
        return true;
      }
      known.invalidate(user);
      log.warn("views.publish refused the Home tab: {}", published.getError());
    } catch (IOException | SlackApiException failed) {
      log.warn("views.publish failed: {}", failed.getMessage());
    }
    return false;
  }

  private HomeView.Recent shown(RecentLookups.Entry entry) {
    return new HomeView.Recent(
        entry.at(),
        fingerprints.of(entry.request().userId()),
        entry.request().window().from(),
        entry.request().window().to(),
        entry.outcome(),
        entry.traces(),
        recents.runAgain(entry));
  }

  private void run(String user, Runnable work) {
    Object lane = lanes[Math.floorMod(user.hashCode(), LANES)];
    try {
      slackCalls.execute(
          () -> {
            try {
              synchronized (lane) {
                work.run();
              }
            } catch (RuntimeException bug) {
              log.error("the Home tab could not be published", bug);
            }
          });
    } catch (RejectedExecutionException shuttingDown) {
      log.debug("the Home tab was not published: shutting down");
    }
  }
}
