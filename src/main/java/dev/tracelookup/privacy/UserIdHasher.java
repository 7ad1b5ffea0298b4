package dev.tracelookup.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the customer ID an agent types into the form the services store on their spans. Most store
 * it as is; deployments whose compliance rules forbid raw IDs in telemetry store a keyed
 * HMAC-SHA256 of it, and the bot must search for that same value.
 */
public final class UserIdHasher {
  /** How the HMAC is written on the spans. */
  public enum Format {
    HEX,
    BASE64URL
  }

  private static final UserIdHasher IDENTITY = new UserIdHasher(null, Format.HEX, "");
  private final byte[] key;
  private final Format format;
  private final String prefix;

  private UserIdHasher(byte[] key, Format format, String prefix) {
    this.key = key;
    this.format = format;
    this.prefix = prefix;
  }

  /** Returns the hasher for services that store the ID as it is. */
  public static UserIdHasher identity() {
    return IDENTITY;
  }

  /**
   * Returns the hasher for services that store {@code prefix + format(HMAC-SHA256(key, id))}.
   *
   * @param key the shared key, as the services' own hashing uses it (UTF-8 bytes of the secret)
   */
  public static UserIdHasher hmac(byte[] key, Format format, String prefix) {
    if (key.length == 0) {
      throw new IllegalArgumentException("an HMAC key must not be empty");
    }
    return new UserIdHasher(
        key.clone(),
        Objects.requireNonNull(format, "format"),
        Objects.requireNonNull(prefix, "prefix"));
  }

  /** Returns the value to search the spans for. */
  public String stored(String userId) {
    if (key == null) {
      return userId;
    }
    byte[] digest = mac().doFinal(userId.getBytes(StandardCharsets.UTF_8));
    return prefix
        + (format == Format.HEX
            ? hex(digest)
            : Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
  }

  public boolean hashing() {
    return key != null;
  }

  /** Returns what the services write before the hash, often empty. */
  public String prefix() {
    return prefix;
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      // HmacSHA256 is mandatory on every Java platform, and the key is never empty.
      throw new IllegalStateException(impossible);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return key == null
        ? "UserIdHasher[identity]"
        : "UserIdHasher[hmac-sha256 " + format + ", key ****]";
  }
}
