package dev.tracelookup.tickets.links;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hosts beyond the systems' own domains that carry ticket links. Cloud hosts ({@code
 * *.zendesk.com}, {@code *.atlassian.net}, {@code *.freshdesk.com}, Intercom's app hosts in every
 * region) are always recognised and need no entry here.
 *
 * @param zendeskAliases host-mapped Zendesk domains, each to the {@code *.zendesk.com} instance it
 *     stands for ({@code support.acme.com → acme.zendesk.com})
 * @param jiraHosts Jira Data Center / Server hosts ({@code jira.acme.com})
 * @param freshdeskAliases custom Freshdesk domains, each to its {@code *.freshdesk.com} account;
 *     Freshdesk serves its API only on the account domain
 */
public record TicketHosts(
    Map<String, String> zendeskAliases,
    Set<String> jiraHosts,
    Map<String, String> freshdeskAliases) {
  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  public TicketHosts {
    zendeskAliases = aliases(zendeskAliases, ".zendesk.com");
    jiraHosts = jiraHosts.stream().map(TicketHosts::host).collect(Collectors.toUnmodifiableSet());
    freshdeskAliases = aliases(freshdeskAliases, ".freshdesk.com");
  }

  /** Returns the hosts of the cloud services only. */
  public static TicketHosts none() {
    return new TicketHosts(Map.of(), Set.of(), Map.of());
  }

  private static Map<String, String> aliases(Map<String, String> aliases, String instanceSuffix) {
    Map<String, String> normalised = new LinkedHashMap<>();
    aliases.forEach(
        (alias, instance) -> {
          String target = host(instance);
          if (!target.endsWith(instanceSuffix)) {
            throw new IllegalArgumentException(
                alias + " must map to a *" + instanceSuffix + " host, not " + instance);
          }
          normalised.put(host(alias), target);
        });
    return Map.copyOf(normalised);
  }

  private static String host(String host) {
    String lower = host.trim().toLowerCase(Locale.ROOT);
    if (!HOST.matcher(lower).matches()) {
      throw new IllegalArgumentException("not a host name: " + host);
    }
    return lower;
  }
}
