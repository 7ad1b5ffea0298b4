package dev.tracelookup.server;

import dev.tracelookup.config.Secret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The bearer token that guards one internal endpoint. An endpoint without a configured token is
 * disabled rather than open, and tokens are compared in constant time so that response timing does
 * not reveal how much of a guess was right.
 */
final class BearerToken {
  private final Optional<Secret> token;
  private final String variable;
  private final String endpoint;

  /**
   * @param variable the environment variable that sets the token, named in refusals
   * @param endpoint what the token guards, for the "disabled" answer
   */
  BearerToken(Optional<Secret> token, String variable, String endpoint) {
    this.token = token;
    this.variable = variable;
    this.endpoint = endpoint;
  }

  /** Returns whether the request may go on, having answered it with 503 or 401 when not. */
  boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (token.isEmpty()) {
      JsonReplies.error(
          response, 503, endpoint + " is disabled: set " + variable + " to enable it");
      return false;
    }
    if (!matches(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Bearer");
      JsonReplies.error(response, 401, "send Authorization: Bearer <" + variable + ">");
      return false;
    }
    return true;
  }

  private boolean matches(String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(
        given, token.orElseThrow().value().getBytes(StandardCharsets.UTF_8));
  }
}
