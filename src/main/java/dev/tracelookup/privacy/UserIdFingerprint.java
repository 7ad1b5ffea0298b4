package dev.tracelookup.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stable, non-reversible stand-in for a customer ID, for logs, audit lines, shared cards and
 * erasure answers: the same ID under the same key always gives the same fingerprint, so an operator
 * can follow one customer's lookups without seeing who.
 *
 * <p>The fingerprint is {@code u:} and the first 80 bits of HMAC-SHA256(key, ID), in hex. Customer
 * IDs are short and guessable ({@code usr_} and six characters is about 2<sup>31</sup> IDs), so an
 * unkeyed hash of them is a lookup table away from the ID. With a 256-bit key the attacker must
 * guess the key instead, which no amount of hashing reaches. The length is for collisions, not
 * secrecy: 80 bits keep two customers apart until about 10<sup>12</sup> of them, and stay short
 * enough to read in a log line. Whoever holds the key can test guesses, as with any keyed hash: the
 * key is a secret like the signing secret it is usually derived from.
 */
public final class UserIdFingerprint {
  /** What every fingerprint starts with, so that readers and log searches can tell them apart. */
  public static final String PREFIX = "u:";

  /** Fingerprint length: 10 bytes, 80 bits, 20 hex digits. */
  static final int FINGERPRINT_BYTES = 10;

  /** Keys shorter than this are refused: 128 bits is the least an HMAC key should carry. */
  public static final int MIN_KEY_BYTES = 16;

  private static final String HMAC = "HmacSHA256";
  private static final int KEY_BYTES = 32;
  // HKDF (RFC 5869) labels: a key derived for fingerprints is useless for anything else.
  private static final byte[] HKDF_SALT = "trace-lookup".getBytes(StandardCharsets.UTF_8);
  private static final byte[] HKDF_INFO =
      "trace-lookup user-id fingerprint v1".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;
  private final String origin;

  /**
   * @param key at least {@link #MIN_KEY_BYTES} bytes, shared by every replica
   * @param origin where the key came from, for startup logs ("FINGERPRINT_KEY"); never the key
   */
  public UserIdFingerprint(byte[] key, String origin) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a fingerprint key needs at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), HMAC);
    this.origin = origin;
  }

  /**
   * Returns fingerprints keyed by a key derived from a secret every replica already shares (the
   * Slack signing secret or app token): HKDF-SHA256 with a label of its own, so the fingerprint key
   * reveals nothing about the secret and serves no other purpose.
   */
  public static UserIdFingerprint derivedFrom(String secret, String origin) {
    byte[] derived = hkdf(HKDF_SALT, secret.getBytes(StandardCharsets.UTF_8), HKDF_INFO, KEY_BYTES);
    return new UserIdFingerprint(derived, "a key derived from " + origin);
  }

  /**
   * Returns fingerprints under a random key for this process alone: they match nothing from another
   * process, which suits the command line and tests, where no shared secret exists.
   */
  public static UserIdFingerprint randomKey() {
    byte[] random = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(random);
    return new UserIdFingerprint(random, "a random key for this process");
  }

  /** Returns {@code u:} and the first 80 bits of HMAC-SHA256(key, ID) in hex. */
  public String of(String userId) {
    byte[] mac = mac(key, userId.getBytes(StandardCharsets.UTF_8));
    return PREFIX + HexFormat.of().formatHex(mac, 0, FINGERPRINT_BYTES);
  }

  /** Returns where the key came from, never the key: "a key derived from SLACK_SIGNING_SECRET". */
  public String origin() {
    return origin;
  }

  /**
   * Returns the whole SHA-256 of the ID in hex: a cache key that cannot collide in practice. It is
   * not keyed: it never leaves the process, and the raw ID sits beside it in the cached request.
   */
  public static String digest(String userId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * HKDF-SHA256 (RFC 5869): extract with {@code salt}, expand with {@code info} to {@code length}
   * bytes.
   */
  static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) {
    byte[] pseudoRandomKey = mac(new SecretKeySpec(salt, HMAC), inputKey);
    SecretKeySpec expandKey = new SecretKeySpec(pseudoRandomKey, HMAC);
    byte[] output = new byte[length];
    byte[] block = new byte[0];
    for (int filled = 0, counter = 1; filled < length; counter++) {
      byte[] input = Arrays.copyOf(block, block.length + info.length + 1);
      System.arraycopy(info, 0, input, block.length, info.length);
      input[input.length - 1] = (byte) counter;
      block = mac(expandKey, input);
      int take = Math.min(block.length, length - filled);
      System.arraycopy(block, 0, output, filled, take);
      filled += take;
    }
    return output;
  }

  private static byte[] mac(SecretKeySpec key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(message);
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      // HmacSHA256 is mandatory on every Java platform, and no key here is empty.
      throw new IllegalStateException(impossible);
    }
  }

  @Override
  public String toString() {
    return "UserIdFingerprint[hmac-sha256, key ****, " + origin + "]";
  }
}
