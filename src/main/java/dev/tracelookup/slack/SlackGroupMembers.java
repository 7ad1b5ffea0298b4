package dev.tracelookup.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.tracelookup.privacy.GroupMembers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User-group members from {@code usergroups.users.list} (scope {@code usergroups:read}), cached so
 * access checks in the ack path rarely call Slack. A failed read grants nobody and is not cached,
 * so the next request tries again.
 */
final class SlackGroupMembers implements GroupMembers {
  private static final Logger log = LoggerFactory.getLogger(SlackGroupMembers.class);

  private final MethodsClient client;
  private final LoadingCache<String, Set<String>> cache;

  SlackGroupMembers(MethodsClient client, Duration ttl, Ticker ticker) {
    this.client = client;
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .maximumSize(1_000)
            .build(this::read);
  }

  @Override
  public Set<String> members(String groupId) {
    try {
      return cache.get(groupId);
    } catch (UncheckedIOException | IllegalStateException unreadable) {
      log.warn(
          "the members of user group {} could not be read ({}); treating it as empty",
          groupId,
          unreadable.getMessage());
      return Set.of();
    }
  }

  private Set<String> read(String groupId) {
    UsergroupsUsersListResponse response;
    try {
      response = client.usergroupsUsersList(r -> r.usergroup(groupId));
    } catch (IOException | SlackApiException failed) {
      throw new UncheckedIOException(new IOException(failed.getMessage(), failed));
    }
    if (!response.isOk() || response.getUsers() == null) {
      throw new IllegalStateException("usergroups.users.list: " + response.getError());
    }
    return Set.copyOf(response.getUsers());
  }
}
