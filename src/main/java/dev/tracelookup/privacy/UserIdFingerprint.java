package dev.tracelookup.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A stable, non-reversible stand-in for a customer ID, for logs and cache keys: the same ID always
 * gives the same fingerprint, so an operator can follow one customer's lookups without seeing who.
 */
public final class UserIdFingerprint {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private UserIdFingerprint() {}

  /** Returns {@code u:} and the first 12 hex characters of the ID's SHA-256. */
  public static String of(String userId) {
    byte[] digest = sha256(userId);
    StringBuilder text = new StringBuilder("u:");
    for (int i = 0; i < 6; i++) {
      text.append(HEX[(digest[i] >> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
    }
    return text.toString();
  }

  /** Returns the whole SHA-256 of the ID in hex: a cache key that cannot collide in practice. */
  public static String digest(String userId) {
    byte[] digest = sha256(userId);
    StringBuilder text = new StringBuilder(64);
    for (byte b : digest) {
      text.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
    return text.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(impossible);
    }
  }
}
