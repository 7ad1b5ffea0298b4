package dev.tracelookup.server;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /readyz} needs to know of the bot's link to Slack. The wiring reads it from the Slack
 * face's own record of the link, so this face does not depend on that one.
 *
 * @param lastCall the last Web API call, answered or not
 * @param lastAnswer when Slack last answered a Web API call
 */
public record SlackLinkState(
    Socket socket, Optional<WebApiCall> lastCall, Optional<Instant> lastAnswer) {

  /** How the Socket Mode websocket stands. */
  public enum Socket {
    /** No Socket Mode connection was started: there is no websocket to report. */
    NOT_STARTED,
    /** The websocket is open and answers a ping. */
    CONNECTED,
    /** The websocket is down; the SDK is reconnecting. */
    RECONNECTING
  }

  /**
   * One Web API call and how it ended.
   *
   * @param error Slack's error code ({@code ratelimited}, {@code invalid_auth}, …), empty when it
   *     answered
   * @param tokenRefused whether Slack refused the bot token itself, not just this one call
   */
  public record WebApiCall(String method, Instant at, String error, boolean tokenRefused) {
    public WebApiCall {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(error, "error");
    }

    boolean ok() {
      return error.isEmpty();
    }
  }

  public SlackLinkState {
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(lastCall, "lastCall");
    Objects.requireNonNull(lastAnswer, "lastAnswer");
  }
}
