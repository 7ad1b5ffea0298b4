package dev.tracelookup.backend.zipkin;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot links to Zipkin, beyond where its API is.
 *
 * @param uiUrl where people open Zipkin's UI, when it differs from the API base URL (a proxy in
 *     front of the UI, say); trace links are {@code <uiUrl>/zipkin/traces/<traceId>}
 */
public record ZipkinOptions(Optional<URI> uiUrl) {

  /**
   * @throws IllegalArgumentException when the UI URL is not an absolute http or https URL
   */
  public ZipkinOptions {
    Objects.requireNonNull(uiUrl, "uiUrl");
    uiUrl.ifPresent(ZipkinOptions::requireWebUrl);
  }

  /** Returns the options of a Zipkin whose UI is served with its API, as the stock server does. */
  public static ZipkinOptions defaults() {
    return new ZipkinOptions(Optional.empty());
  }

  private static void requireWebUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute()
        || url.getHost() == null
        || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          "the Zipkin UI URL must be an absolute http(s) URL: " + url);
    }
  }
}
