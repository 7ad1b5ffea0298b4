package dev.tracelookup.slack;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
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

  private final AsyncLoadingCache<String, Optional<ZoneId>> zones;

  AgentZones(MethodsClient client, Duration ttl, Ticker ticker, Executor executor) {
    this.zones = Caffeine.newBuilder()
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
    try {
      return zones.get(slackUserId).get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      log.warn("users.info did not answer within {} ms; reading times as UTC", wait.toMillis());
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException failed) {
      // Failed loads are not cached, so the next command asks Slack again.
      log.warn("{}; reading times as UTC", failed.getCause().getMessage());
      return Optional.empty();
    }
  }

  private static Optional<ZoneId> read(MethodsClient client, String userId) {
    try {
      UsersInfoResponse response = client.usersInfo(r -> r.user(userId));
      if (!response.isOk() || response.getUser() == null) {
        throw new ZoneUnavailable("users.info failed: " + response.getError());
      }
      return zone(response.getUser());
    } catch (IOException | SlackApiException failed) {
      throw new ZoneUnavailable("users.info failed: " + failed.getMessage());
    }
  }

  /** users.info could not be read; thrown inside the loader so the failure is not cached. */
  private static final class ZoneUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ZoneUnavailable(String message) {
      super(message, null, false, false);
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
