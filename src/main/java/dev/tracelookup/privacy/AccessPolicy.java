package dev.tracelookup.privacy;

import dev.tracelookup.config.Config;

/**
 * Decides who may look up traces or see what a lookup found.
 *
 * <p>The rule: with nothing listed, everyone in the workspace. Otherwise the request must come from
 * a listed channel when channels are listed, AND from a listed user or a member of a listed group
 * when people are listed. Requiring both when both are given is the safer reading: either one alone
 * would let an allowed person look up in a public channel, or anyone who joins an allowed channel
 * look up at all.
 */
public final class AccessPolicy {
  private final Config.Access rules;
  private final GroupMembers groups;

  public AccessPolicy(Config.Access rules, GroupMembers groups) {
    this.rules = rules;
    this.groups = groups;
  }

  /** Whether nobody is listed, so everyone in the workspace passes. */
  public boolean open() {
    return rules.open();
  }

  /**
   * Returns whether the Slack user may look up from this channel.
   *
   * @param channelId the channel the request came from; null when the payload carries none
   */
  public boolean allows(String slackUser, String channelId) {
    return channelAllowed(channelId) && personAllowed(slackUser);
  }

  /** The ephemeral answer a refused agent gets, naming who to ask. */
  public String refusal() {
    String where = rules.channels().isEmpty() ? "" : " (and only in the channels it allows)";
    return ":lock: You are not on the list of people who may look up customer traces"
        + where
        + ". Ask "
        + rules.ask()
        + " for access.";
  }

  private boolean channelAllowed(String channelId) {
    return rules.channels().isEmpty()
        || (channelId != null && rules.channels().contains(channelId));
  }

  private boolean personAllowed(String slackUser) {
    if (rules.users().isEmpty() && rules.userGroups().isEmpty()) {
      return true;
    }
    if (slackUser == null) {
      return false;
    }
    return rules.users().contains(slackUser)
        || rules.userGroups().stream().anyMatch(group -> groups.members(group).contains(slackUser));
  }
}
