package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

final class UserIdFingerprintTest {
  /** A key made up for tests: no real secret is ever needed here. */
  private static final byte[] KEY =
      "test fingerprint key, 32 bytes!!".getBytes(StandardCharsets.US_ASCII);

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final UserIdFingerprint fingerprints = new UserIdFingerprint(KEY, "a test key");

  /**
   * The attack the review ran: fingerprints were the first 48 bits of an unsalted SHA-256, so
   * hashing every {@code usr_} + six characters found the customer in seconds. Here the last three
   * characters are guessed (46,656 candidates), with every unkeyed hash an attacker could try.
   */
  @Test
  void of_bruteForcedWithoutTheKey_findsNoCandidate() throws Exception {
    String fingerprint = fingerprints.of("usr_k8x9m2");
    String hex = fingerprint.substring(UserIdFingerprint.PREFIX.length());
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");

    int matches = 0;
    for (char a : ALPHABET.toCharArray()) {
      for (char b : ALPHABET.toCharArray()) {
        for (char c : ALPHABET.toCharArray()) {
          byte[] guess = ("usr_k8x" + a + b + c).getBytes(StandardCharsets.UTF_8);
          matches += HexFormat.of().formatHex(sha256.digest(guess)).startsWith(hex) ? 1 : 0;
          matches += hex.startsWith(HexFormat.of().formatHex(sha256.digest(guess), 0, 6)) ? 1 : 0;
        }
      }
    }

    assertThat(matches).isZero();
  }

  @Test
  void of_anyId_isHmacSha256UnderTheKeyCutTo80Bits() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal("usr_k8x9m2".getBytes(StandardCharsets.UTF_8)), 0, 10);

    String fingerprint = fingerprints.of("usr_k8x9m2");

    assertThat(fingerprint).isEqualTo("u:" + expected).hasSize(2 + 20);
  }

  @Test
  void of_sameKeyInAnotherReplica_isTheSameFingerprint() {
    UserIdFingerprint otherReplica = new UserIdFingerprint(KEY.clone(), "a test key");

    assertThat(otherReplica.of("usr_k8x9m2")).isEqualTo(fingerprints.of("usr_k8x9m2"));
    assertThat(fingerprints.of("usr_k8x9m3")).isNotEqualTo(fingerprints.of("usr_k8x9m2"));
  }

  @Test
  void of_anotherKey_givesAnotherFingerprint() {
    UserIdFingerprint other =
        new UserIdFingerprint(
            "another test key of 32 bytes!!!!".getBytes(StandardCharsets.US_ASCII), "another key");

    assertThat(other.of("usr_k8x9m2")).isNotEqualTo(fingerprints.of("usr_k8x9m2"));
  }

  @Test
  void derivedFrom_sameSecret_isStableAcrossRestartsAndUnlikeAKeyedBySecretItself() {
    UserIdFingerprint first =
        UserIdFingerprint.derivedFrom("test-signing-secret", "SLACK_SIGNING_SECRET");
    UserIdFingerprint restarted =
        UserIdFingerprint.derivedFrom("test-signing-secret", "SLACK_SIGNING_SECRET");
    UserIdFingerprint keyedBySecret =
        new UserIdFingerprint("test-signing-secret".getBytes(StandardCharsets.UTF_8), "raw");

    assertThat(restarted.of("usr_k8x9m2")).isEqualTo(first.of("usr_k8x9m2"));
    assertThat(first.of("usr_k8x9m2")).isNotEqualTo(keyedBySecret.of("usr_k8x9m2"));
    assertThat(first.origin()).isEqualTo("a key derived from SLACK_SIGNING_SECRET");
  }

  @Test
  void randomKey_twoProcesses_doNotMatch() {
    assertThat(UserIdFingerprint.randomKey().of("usr_k8x9m2"))
        .isNotEqualTo(UserIdFingerprint.randomKey().of("usr_k8x9m2"));
  }

  /** RFC 5869, appendix A.1: the key derivation is HKDF-SHA256 as published. */
  @Test
  void hkdf_rfc5869TestCase1_matchesThePublishedOutput() {
    byte[] inputKey = HexFormat.of().parseHex("0b".repeat(22));
    byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c");
    byte[] info = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9");

    byte[] output = UserIdFingerprint.hkdf(salt, inputKey, info, 42);

    assertThat(HexFormat.of().formatHex(output))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void constructor_shortKey_isRefused() {
    assertThatThrownBy(() -> new UserIdFingerprint(new byte[15], "short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes");
  }

  @Test
  void toString_neverShowsTheKey() {
    assertThat(fingerprints.toString()).doesNotContain("test fingerprint key").contains("****");
  }
}
