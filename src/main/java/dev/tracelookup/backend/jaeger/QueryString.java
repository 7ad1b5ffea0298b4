package dev.tracelookup.backend.jaeger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Builds a URL query string in which every name and value is percent-encoded as UTF-8, so no user
 * input can end a parameter or start another.
 */
final class QueryString {
  private final StringJoiner parameters = new StringJoiner("&");

  /** Adds one parameter; returns this builder. */
  QueryString add(String name, String value) {
    parameters.add(encode(name) + "=" + encode(value));
    return this;
  }

  /** Returns the path followed by {@code ?} and the parameters. */
  String after(String path) {
    return path + "?" + parameters;
  }

  /** Returns one path segment, percent-encoded. */
  static String segment(String value) {
    return encode(value);
  }

  private static String encode(String value) {
    // Form encoding writes a space as '+'; %20 means a space to every query parser, Go's included.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
