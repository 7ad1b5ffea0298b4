package dev.tracelookup.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Slack's request signature: {@code v0=} + hex HMAC-SHA256 of {@code v0:<ts>:<raw body>}.
 *
 * <p>Stricter than Bolt 1.47, which accepts timestamps from the future and compares with {@code
 * String.equals}: here the tolerance is symmetric, so a captured request cannot be replayed later
 * by pre-dating it, and the comparison takes constant time. Bytes are used as received, never
 * re-encoded, and the key is read as UTF-8 whatever the platform charset.
 */
final class SlackSignature {
  private final byte[] key;
  private final Clock clock;
  private final Duration tolerance;

  SlackSignature(String signingSecret, Clock clock, Duration tolerance) {
    this.key = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /** Returns why the request must be refused, or empty when it is authentic and fresh. */
  Optional<String> refusal(String timestampHeader, String signatureHeader, byte[] body) {
    if (timestampHeader == null || signatureHeader == null) {
      return Optional.of("missing X-Slack-Request-Timestamp or X-Slack-Signature");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException notANumber) {
      return Optional.of("timestamp is not a number");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
    if (skew > tolerance.toSeconds()) {
      return Optional.of("timestamp is " + skew + " s away from now");
    }
    byte[] expected = sign(timestampHeader.trim(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given)
        ? Optional.empty()
        : Optional.of("signature does not match");
  }

  /** Returns the signature Slack would send for this timestamp and body. */
  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      // HmacSHA256 is mandatory on every Java platform, and any byte key is valid for it.
      throw new IllegalStateException(impossible);
    }
  }
}
