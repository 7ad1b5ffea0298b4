package dev.tracelookup.slack;

import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What is known of the bot's link to Slack, for {@code /readyz}: in Socket Mode whether the
 * websocket answers (without it no request ever arrives), in HTTP mode how the last Web API call
 * went (Slack reaches us on its own; what can break on our side is the token).
 */
public final class SlackLink {
  /**
   * Slack's error codes for a token it no longer takes: answers cannot be posted until it is
   * replaced.
   */
  private static final Set<String> TOKEN_REFUSED =
      Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive");

  private final Clock clock;
  private final AtomicReference<Call> lastCall = new AtomicReference<>();
  private final AtomicReference<Call> lastSuccess = new AtomicReference<>();
  private volatile Supplier<SocketModeClient> socket;

  public SlackLink(Clock clock) {
    this.clock = clock;
  }

  /**
   * One Web API call and how it ended.
   *
   * @param error Slack's error code ({@code ratelimited}, {@code invalid_auth}, …), empty when it
   *     answered
   */
  public record Call(String method, Instant at, String error) {
    public Call {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(at, "at");
      error = error == null ? "" : error;
    }

    public boolean ok() {
      return error.isEmpty();
    }

    /** Whether Slack refused the bot token itself, not just this one call. */
    public boolean tokenRefused() {
      return TOKEN_REFUSED.contains(error);
    }
  }

  /** Records a Web API call; {@code error} is Slack's code, or empty when it answered. */
  public void recorded(String method, String error) {
    Call call = new Call(method, clock.instant(), error);
    lastCall.set(call);
    if (call.ok()) {
      lastSuccess.set(call);
    }
  }

  /** Makes the Socket Mode connection the one reported; its client may be replaced on reconnect. */
  void socket(Supplier<SocketModeClient> client) {
    this.socket = client;
  }

  /** Returns the last Web API call, answered or not. */
  public Optional<Call> lastCall() {
    return Optional.ofNullable(lastCall.get());
  }

  /** Returns the last Web API call Slack answered. */
  public Optional<Call> lastSuccess() {
    return Optional.ofNullable(lastSuccess.get());
  }

  /** Whether a Socket Mode connection was started; until then there is no websocket to report. */
  public boolean socketStarted() {
    return socket != null;
  }

  /**
   * Returns whether the websocket is open and answers a ping, as the SDK's own session monitor asks
   * it. Blocks up to about 3 s when the connection is half-open.
   */
  public boolean socketConnected() {
    Supplier<SocketModeClient> current = socket;
    SocketModeClient client = current == null ? null : current.get();
    return client != null && client.verifyConnection();
  }
}
