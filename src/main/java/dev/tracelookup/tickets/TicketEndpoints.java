package dev.tracelookup.tickets;

import dev.tracelookup.http.Endpoint;
import dev.tracelookup.http.RetryPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Endpoints for the ticket-system APIs, with each system's auth scheme. Ticket lookups run while
 * the agent waits on a modal, so they get short timeouts and one retry.
 */
public final class TicketEndpoints {
  /** The Intercom API version the resolver's reading is written against. */
  public static final String INTERCOM_VERSION = "2.11";

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private static final RetryPolicy RETRY = RetryPolicy.transientFailures(2);
  private static final long MAX_BODY = 4L * 1024 * 1024;

  private TicketEndpoints() {}

  /** Zendesk API token auth: {@code Basic base64("{email}/token:{token}")}. */
  public static Endpoint zendesk(URI baseUrl, String agentEmail, String apiToken) {
    return endpoint(
        "Zendesk", baseUrl, Map.of("Authorization", basic(agentEmail + "/token:" + apiToken)));
  }

  /** Jira Cloud: {@code Basic base64("{email}:{api token}")}. */
  public static Endpoint jiraCloud(URI baseUrl, String email, String apiToken) {
    return endpoint("Jira", baseUrl, Map.of("Authorization", basic(email + ":" + apiToken)));
  }

  /** Jira Data Center / Server: a personal access token as {@code Bearer}. */
  public static Endpoint jiraDataCenter(URI baseUrl, String personalAccessToken) {
    return endpoint("Jira", baseUrl, Map.of("Authorization", "Bearer " + personalAccessToken));
  }

  /**
   * Freshdesk: {@code Basic base64("{api key}:X")}, always on the {@code *.freshdesk.com} domain.
   */
  public static Endpoint freshdesk(URI accountUrl, String apiKey) {
    return endpoint("Freshdesk", accountUrl, Map.of("Authorization", basic(apiKey + ":X")));
  }

  /** Intercom: a Bearer access token for the workspace's region, and a pinned API version. */
  public static Endpoint intercom(URI apiBaseUrl, String accessToken) {
    return endpoint(
        "Intercom",
        apiBaseUrl,
        Map.of("Authorization", "Bearer " + accessToken, "Intercom-Version", INTERCOM_VERSION));
  }

  private static Endpoint endpoint(String name, URI baseUrl, Map<String, String> headers) {
    return new Endpoint(name, baseUrl, headers, TIMEOUT, BUDGET, RETRY, MAX_BODY);
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
