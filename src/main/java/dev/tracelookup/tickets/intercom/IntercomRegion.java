package dev.tracelookup.tickets.intercom;

import java.net.URI;
import java.util.Optional;

/**
 * An Intercom hosting region. A workspace lives in one region, and its access token works only
 * against that region's API host.
 */
public enum IntercomRegion {
  US("app.intercom.com", "api.intercom.io"),
  EU("app.eu.intercom.com", "api.eu.intercom.io"),
  AU("app.au.intercom.com", "api.au.intercom.io");

  private final String appHost;
  private final String apiHost;

  IntercomRegion(String appHost, String apiHost) {
    this.appHost = appHost;
    this.apiHost = apiHost;
  }

  /** Returns the host of the inbox agents use, which is what ticket links carry. */
  public String appHost() {
    return appHost;
  }

  /** Returns the REST API root for this region. */
  public URI apiBaseUrl() {
    return URI.create("https://" + apiHost);
  }

  /**
   * Returns the region an app or API host belongs to, including the legacy {@code app.intercom.io}.
   */
  public static Optional<IntercomRegion> ofHost(String host) {
    if (host.equals("app.intercom.io")) {
      return Optional.of(US);
    }
    for (IntercomRegion region : values()) {
      if (region.appHost.equals(host) || region.apiHost.equals(host)) {
        return Optional.of(region);
      }
    }
    return Optional.empty();
  }

  /** Returns whether the host is one of the API hosts rather than an inbox host. */
  public static boolean isApiHost(String host) {
    for (IntercomRegion region : values()) {
      if (region.apiHost.equals(host)) {
        return true;
      }
    }
    return false;
  }
}
