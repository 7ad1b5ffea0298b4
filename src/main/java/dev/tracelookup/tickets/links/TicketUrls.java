package dev.tracelookup.tickets.links;

import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.intercom.IntercomRegion;
import dev.tracelookup.tickets.jira.JiraUrls;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether one URL is a ticket link. Hosts are compared whole, so look-alikes such as {@code
 * zendesk.com.evil.com} or {@code evilzendesk.com} never match.
 */
final class TicketUrls {
  private static final Pattern ZENDESK_HOST = Pattern.compile("[a-z0-9][a-z0-9-]*\\.zendesk\\.com");
  private static final Pattern JIRA_CLOUD_HOST =
      Pattern.compile("[a-z0-9][a-z0-9-]*\\.atlassian\\.net");
  private static final Pattern FRESHDESK_HOST =
      Pattern.compile("[a-z0-9][a-z0-9-]*\\.freshdesk\\.com");
  private static final Pattern ZENDESK_PATH =
      Pattern.compile(
          "/(?:agent/tickets|tickets|hc/(?:[a-z]{2}(?:-[a-z0-9]{2,4})?/)?requests|api/v2/tickets)"
              + "/([1-9][0-9]{0,17})(?:\\.json)?(?:/.*)?");
  private static final Pattern FRESHDESK_PATH =
      Pattern.compile(
          "/(?:a/tickets|helpdesk/tickets|support/tickets|api/v2/tickets)/([1-9][0-9]{0,17})(?:/.*)?");
  private static final Pattern INTERCOM_APP_PATH =
      Pattern.compile(
          "/a/(?:inbox|apps)/[a-z0-9]+/(?:[^?#]*/)?conversations?/([1-9][0-9]{0,19})/?");
  private static final Pattern INTERCOM_API_PATH =
      Pattern.compile("/conversations/([1-9][0-9]{0,19})/?");

  private final TicketHosts hosts;

  TicketUrls(TicketHosts hosts) {
    this.hosts = hosts;
  }

  /** Returns the ticket a URL (already stripped of Slack markup and entities) points at. */
  Optional<TicketLink> match(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException notAUrl) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String fragment = uri.getRawFragment() == null ? "" : uri.getRawFragment();
    return zendesk(host, zendeskPath(path, fragment), url)
        .or(() -> jira(host, path, uri.getRawQuery(), url))
        .or(() -> freshdesk(host, path, url))
        .or(() -> intercom(host, path, url));
  }

  private Optional<TicketLink> zendesk(String host, String path, String url) {
    String instance =
        ZENDESK_HOST.matcher(host).matches() ? host : hosts.zendeskAliases().get(host);
    return instance == null
        ? Optional.empty()
        : number(ZENDESK_PATH, path)
            .map(id -> new TicketLink(TicketSystem.ZENDESK, instance, id, url));
  }

  private Optional<TicketLink> jira(String host, String path, String rawQuery, String url) {
    if (!JIRA_CLOUD_HOST.matcher(host).matches() && !hosts.jiraHosts().contains(host)) {
      return Optional.empty();
    }
    return JiraUrls.key(path, rawQuery)
        .map(key -> new TicketLink(TicketSystem.JIRA, host, key, url));
  }

  private Optional<TicketLink> freshdesk(String host, String path, String url) {
    String instance =
        FRESHDESK_HOST.matcher(host).matches() ? host : hosts.freshdeskAliases().get(host);
    return instance == null
        ? Optional.empty()
        : number(FRESHDESK_PATH, path)
            .map(id -> new TicketLink(TicketSystem.FRESHDESK, instance, id, url));
  }

  private static Optional<TicketLink> intercom(String host, String path, String url) {
    Optional<IntercomRegion> region = IntercomRegion.ofHost(host);
    if (region.isEmpty()) {
      return Optional.empty();
    }
    Pattern form = IntercomRegion.isApiHost(host) ? INTERCOM_API_PATH : INTERCOM_APP_PATH;
    return number(form, path)
        .map(id -> new TicketLink(TicketSystem.INTERCOM, region.get().appHost(), id, url));
  }

  /**
   * Returns the path Zendesk means. Its agent interface used to route in the fragment, and old
   * links still do: {@code /agent/#/tickets/4512} is the same ticket as {@code
   * /agent/tickets/4512}.
   */
  private static String zendeskPath(String path, String fragment) {
    return (path.equals("/agent") || path.equals("/agent/")) && fragment.startsWith("/tickets/")
        ? "/agent" + fragment
        : path;
  }

  private static Optional<String> number(Pattern form, String path) {
    Matcher matcher = form.matcher(path);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
