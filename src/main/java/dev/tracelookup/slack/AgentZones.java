package dev.tracelookup.slack;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.tracelookup.time.DateOrder;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invoking agent's time zone, from {@code users.info} ({@code tz}, else the {@code tz_offset}
 * snapshot), cached per Slack user: "2:15 PM" means nothing without it.
 */
final class AgentZones {
  private static final Logger log = LoggerFactory.getLogger(AgentZones.class);

  private final AsyncLoadingCache<String, ZoneAnswer> zones;

  AgentZones(MethodsClient client, Duration ttl, Ticker ticker, Executor executor) {
    this.zones =
        Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .executor(executor)
            .buildAsync(userId -> read(client, userId));
  }

  /**
   * Returns the agent's zone, waiting at most {@code wait}; empty when Slack did not say in time
   * (the caller falls back to UTC and says so), so the 3-second ack is never at risk.
   */
  Optional<ZoneId> zoneOf(String slackUserId, Duration wait) {
    CompletableFuture<ZoneAnswer> answer = zones.get(slackUserId);
    answer.thenAccept(
        read -> {
          if (read.failure().isPresent()) {
            // Not cached, so the next command asks Slack again.
            zones.asMap().remove(slackUserId, answer);
          }
        });
    try {
      ZoneAnswer read = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      read.failure().ifPresent(failure -> log.warn("{}; reading times as UTC", failure));
      return read.zone();
    } catch (TimeoutException slow) {
      log.warn("users.info did not answer within {} ms; reading times as UTC", wait.toMillis());
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException bug) {
      log.error(
          "reading the agent's zone failed unexpectedly; reading times as UTC", bug.getCause());
      return Optional.empty();
    }
  }

  /**
   * Returns the date order of the agent's Slack locale ({@code en-GB}: day first), if {@link
   * #zoneOf} has already read it; it never waits, as the zone was just asked for.
   */
  Optional<DateOrder> dateOrderOf(String slackUserId) {
    CompletableFuture<ZoneAnswer> answer = zones.getIfPresent(slackUserId);
    if (answer == null || !answer.isDone() || answer.isCompletedExceptionally()) {
      return Optional.empty();
    }
    return answer.join().dateOrder();
  }

  /**
   * Failures are answers rather than exceptions: Caffeine logs every exceptional load with a stack
   * trace, and Slack being unreachable for a moment is not worth one.
   */
  private static ZoneAnswer read(MethodsClient client, String userId) {
    try {
      UsersInfoResponse response = client.usersInfo(r -> r.user(userId).includeLocale(true));
      if (!response.isOk() || response.getUser() == null) {
        return ZoneAnswer.failed("users.info failed: " + response.getError());
      }
      return new ZoneAnswer(
          zone(response.getUser()),
          DateOrder.ofLocale(response.getUser().getLocale()),
          Optional.empty());
    } catch (IOException | SlackApiException failed) {
      return ZoneAnswer.failed("users.info failed: " + failed.getMessage());
    }
  }

  /**
   * The zone Slack gave (if any), the date order of the user's locale (if Slack gave one), or why
   * Slack could not be asked.
   */
  private record ZoneAnswer(
      Optional<ZoneId> zone, Optional<DateOrder> dateOrder, Optional<String> failure) {
    static ZoneAnswer failed(String why) {
      return new ZoneAnswer(Optional.empty(), Optional.empty(), Optional.of(why));
    }
  }

  static Optional<ZoneId> zone(User user) {
    if (user.getTz() != null && !user.getTz().isBlank()) {
      try {
        return Optional.of(ZoneId.of(user.getTz()));
      } catch (DateTimeException unknownZone) {
        log.warn("users.info gave an unknown zone {}", user.getTz());
      }
    }
    // tz_offset ignores DST transitions, so it is only the fallback.
    if (user.getTzOffset() != null) {
      return Optional.of(ZoneOffset.ofTotalSeconds(user.getTzOffset()));
    }
    return Optional.empty();
  }
}
