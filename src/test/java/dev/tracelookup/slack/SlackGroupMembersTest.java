package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.tracelookup.testing.FakeSlackApi;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class SlackGroupMembersTest {
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private FakeSlackApi slackApi;
  private SlackGroupMembers members;

  @BeforeEach
  void start() throws Exception {
    slackApi = new FakeSlackApi();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slackApi.apiUrl());
    members =
        new SlackGroupMembers(
            Slack.getInstance(config).methods("xoxb-test"), Duration.ofMinutes(5), ticker);
  }

  @AfterEach
  void stop() throws Exception {
    slackApi.close();
  }

  @Test
  void members_knownGroup_areReadFromUsergroupsUsersList() {
    slackApi.userGroup("S0AGENTS", "U0ALICE", "U0BOB");

    var read = members.members("S0AGENTS");

    assertThat(read).containsExactlyInAnyOrder("U0ALICE", "U0BOB");
  }

  @Test
  void members_withinTtl_areServedFromTheCache() {
    slackApi.userGroup("S0AGENTS", "U0ALICE");
    members.members("S0AGENTS");
    nanos.addAndGet(Duration.ofMinutes(4).toNanos());

    members.members("S0AGENTS");

    assertThat(slackApi.groupReads()).isEqualTo(1);
  }

  @Test
  void members_afterTtl_areReadAgain() {
    slackApi.userGroup("S0AGENTS", "U0ALICE");
    members.members("S0AGENTS");
    slackApi.userGroup("S0AGENTS", "U0ALICE", "U0NEWCOMER");
    nanos.addAndGet(Duration.ofMinutes(6).toNanos());

    var read = members.members("S0AGENTS");

    assertThat(read).contains("U0NEWCOMER");
    assertThat(slackApi.groupReads()).isEqualTo(2);
  }

  @Test
  void members_unknownGroup_isEmptyAndNotCached() {
    members.members("S0MISSING");

    var read = members.members("S0MISSING");

    assertThat(read).isEmpty();
    assertThat(slackApi.groupReads()).isEqualTo(2);
  }
}
