package dev.tracelookup.privacy;

import java.util.Set;

/** Who is in a Slack user group; implemented over Slack's {@code usergroups.users.list}. */
public interface GroupMembers {

  /**
   * Returns the group's member user IDs; empty when the group is unknown or cannot be read, so an
   * unreadable group grants nobody access.
   */
  Set<String> members(String groupId);
}
