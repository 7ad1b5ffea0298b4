package dev.tracelookup.config;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code FINGERPRINT_KEY}, the key of the customer fingerprints in logs, audit lines and
 * shared cards: at least 32 random bytes, written as hex ({@code openssl rand -hex 32}) or base64,
 * standard or URL-safe, padded or not ({@code openssl rand -base64 32}). A passphrase is refused: a
 * guessable key would make the fingerprints guessable again.
 */
final class FingerprintKeys {
  static final String VARIABLE = "FINGERPRINT_KEY";
  static final int MIN_BYTES = 32;
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

  private FingerprintKeys() {}

  /** Returns the decoded key, or empty when unset; a bad value is reported without echoing it. */
  static Optional<SecretBytes> read(Settings settings, Map<String, String> env) {
    Optional<Secret> text = ConfigLoader.secret(env, VARIABLE);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<byte[]> key = decode(text.get().value());
    if (key.isEmpty() || key.get().length < MIN_BYTES) {
      settings.problem(
          VARIABLE,
          "must be at least "
              + MIN_BYTES
              + " random bytes written as hex or base64 (the value"
              + " is not shown here); make one with: openssl rand -hex 32",
          "9f2c… (64 hex digits)");
      return Optional.empty();
    }
    return key.map(SecretBytes::new);
  }

  /** Returns the bytes of hex or base64 text, or empty when it is neither. */
  static Optional<byte[]> decode(String text) {
    if (HEX.matcher(text).matches()) {
      return Optional.of(HexFormat.of().parseHex(text));
    }
    if (!BASE64.matcher(text).matches()) {
      return Optional.empty();
    }
    String standard = text.replace('-', '+').replace('_', '/').replace("=", "");
    try {
      return Optional.of(
          Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
