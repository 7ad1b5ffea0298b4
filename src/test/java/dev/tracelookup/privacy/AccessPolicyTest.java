package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AccessPolicyTest {
  private static final GroupMembers GROUPS =
      group -> Map.of("S0AGENTS", Set.of("U0GROUPED")).getOrDefault(group, Set.of());

  private static AccessPolicy policy(
      List<String> channels, List<String> groups, List<String> users) {
    return new AccessPolicy(
        new Config.Access(channels, groups, users, "#support-tooling", Duration.ofMinutes(5)),
        GROUPS);
  }

  private static List<String> list(String ids) {
    return ids.isBlank() ? List.of() : List.of(ids.split(" "));
  }

  @ParameterizedTest(name = "channels=[{0}] groups=[{1}] users=[{2}]: {3} in {4} → {5}")
  @CsvSource({
    // nothing listed: everyone
    "'', '', '', U0ANYONE, C0RANDOM, true",
    // channels only: anyone, but only from a listed channel
    "C0SUPPORT, '', '', U0ANYONE, C0SUPPORT, true",
    "C0SUPPORT, '', '', U0ANYONE, C0RANDOM, false",
    // users only: listed users anywhere
    "'', '', U0ALICE, U0ALICE, C0RANDOM, true",
    "'', '', U0ALICE, U0BOB, C0RANDOM, false",
    // groups only: members anywhere
    "'', S0AGENTS, '', U0GROUPED, C0RANDOM, true",
    "'', S0AGENTS, '', U0BOB, C0RANDOM, false",
    // both channels and people: both must match
    "C0SUPPORT, S0AGENTS, U0ALICE, U0ALICE, C0SUPPORT, true",
    "C0SUPPORT, S0AGENTS, U0ALICE, U0GROUPED, C0SUPPORT, true",
    "C0SUPPORT, S0AGENTS, U0ALICE, U0ALICE, C0RANDOM, false",
    "C0SUPPORT, S0AGENTS, U0ALICE, U0BOB, C0SUPPORT, false",
  })
  void allows_rulesTable_matchesTheDocumentedRule(
      String channels, String groups, String users, String user, String channel, boolean expected) {
    AccessPolicy policy = policy(list(channels), list(groups), list(users));

    boolean allowed = policy.allows(user, channel);

    assertThat(allowed).isEqualTo(expected);
  }

  @Test
  void allows_channelsListedAndPayloadWithoutChannel_refuses() {
    AccessPolicy policy = policy(List.of("C0SUPPORT"), List.of(), List.of());

    boolean allowed = policy.allows("U0ALICE", null);

    assertThat(allowed).isFalse();
  }

  @Test
  void open_nothingListed_isTrueAndAnythingListed_isFalse() {
    AccessPolicy everyone = policy(List.of(), List.of(), List.of());
    AccessPolicy someone = policy(List.of(), List.of(), List.of("U0ALICE"));

    boolean everyoneOpen = everyone.open();
    boolean someoneOpen = someone.open();

    assertThat(everyoneOpen).isTrue();
    assertThat(someoneOpen).isFalse();
  }

  @Test
  void refusal_namesWhoToAsk() {
    AccessPolicy policy = policy(List.of(), List.of(), List.of("U0ALICE"));

    String refusal = policy.refusal();

    assertThat(refusal).contains("not on the list").contains("Ask #support-tooling for access.");
  }
}
