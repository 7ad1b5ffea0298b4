package dev.tracelookup.config;

import java.util.Optional;

/**
 * The ticket systems the bot can connect to, as the {@code tickets:} section names them. Adding one
 * means a constant here and a case in the wiring's exhaustive switch, which the compiler then asks
 * for.
 */
public enum TicketSystemType {
  ZENDESK("zendesk", Optional.of("https://acme.zendesk.com")),
  JIRA("jira", Optional.of("https://acme.atlassian.net")),
  FRESHDESK("freshdesk", Optional.of("https://acme.freshdesk.com")),
  /** Reached through its region's API root, so it needs no instance URL. */
  INTERCOM("intercom", Optional.empty());

  private final String configName;
  private final Optional<String> exampleUrl;

  TicketSystemType(String configName, Optional<String> exampleUrl) {
    this.configName = configName;
    this.exampleUrl = exampleUrl;
  }

  /** Returns the key of the system's section under {@code tickets:}, e.g. {@code zendesk}. */
  public String configName() {
    return configName;
  }

  /** Returns the instance URL a problem with {@code tickets.<system>.url} shows as its example. */
  Optional<String> exampleUrl() {
    return exampleUrl;
  }
}
