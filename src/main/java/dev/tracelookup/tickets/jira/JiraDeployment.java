package dev.tracelookup.tickets.jira;

/** Which Jira the bot talks to; they differ in REST version and in how descriptions are sent. */
public enum JiraDeployment {
  /** Jira Cloud: REST v3, descriptions in Atlassian Document Format, Basic email:token auth. */
  CLOUD("3"),
  /**
   * Jira Data Center / Server: REST v2, descriptions as wiki text, Bearer personal access token.
   */
  DATA_CENTER("2");

  private final String restVersion;

  JiraDeployment(String restVersion) {
    this.restVersion = restVersion;
  }

  /** Returns whether comments are written in Atlassian Document Format (else wiki markup). */
  boolean documentFormat() {
    return this == CLOUD;
  }

  String issuePath(String key) {
    return "/rest/api/" + restVersion + "/issue/" + key;
  }
}
