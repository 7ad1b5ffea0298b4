package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.privacy.UserIdFingerprint;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the fingerprint key comes from: the environment first, so replicas and restarts agree. */
final class FingerprintWiringTest {
  private static final String KEY_HEX =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  private static UserIdFingerprint fingerprints(String... variables) {
    Map<String, String> env =
        new HashMap<>(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml"));
    for (int i = 0; i < variables.length; i += 2) {
      env.put(variables[i], variables[i + 1]);
    }
    Config config = ConfigLoader.load(env);
    return Wiring.fingerprints(config);
  }

  @Test
  void fingerprints_fingerprintKeySet_winsOverTheSlackSecrets() {
    UserIdFingerprint fingerprints =
        fingerprints(
            "FINGERPRINT_KEY",
            KEY_HEX,
            "SLACK_SIGNING_SECRET",
            "signing",
            "SLACK_APP_TOKEN",
            "xapp-1-A1-1-abc");

    assertThat(fingerprints.of("usr_k8x9m2"))
        .isEqualTo(
            new UserIdFingerprint(java.util.HexFormat.of().parseHex(KEY_HEX), "x")
                .of("usr_k8x9m2"));
    assertThat(fingerprints.origin()).isEqualTo("FINGERPRINT_KEY");
  }

  @Test
  void fingerprints_noFingerprintKey_deriveFromTheSigningSecretElseTheAppToken() {
    UserIdFingerprint signing =
        fingerprints("SLACK_SIGNING_SECRET", "signing", "SLACK_APP_TOKEN", "xapp-1-A1-1-abc");
    UserIdFingerprint app = fingerprints("SLACK_APP_TOKEN", "xapp-1-A1-1-abc");

    assertThat(signing.of("usr_k8x9m2"))
        .isEqualTo(
            UserIdFingerprint.derivedFrom("signing", "SLACK_SIGNING_SECRET").of("usr_k8x9m2"));
    assertThat(app.of("usr_k8x9m2"))
        .isEqualTo(
            UserIdFingerprint.derivedFrom("xapp-1-A1-1-abc", "SLACK_APP_TOKEN").of("usr_k8x9m2"));
    assertThat(app.origin()).isEqualTo("a key derived from SLACK_APP_TOKEN");
  }

  @Test
  void fingerprints_sameEnvironmentInTwoReplicas_agree() {
    assertThat(fingerprints("SLACK_SIGNING_SECRET", "signing").of("usr_k8x9m2"))
        .isEqualTo(fingerprints("SLACK_SIGNING_SECRET", "signing").of("usr_k8x9m2"));
  }

  @Test
  void fingerprints_noSecretAtAll_useARandomKeyForThisProcessOnly() {
    UserIdFingerprint first = fingerprints();
    UserIdFingerprint second = fingerprints();

    assertThat(first.of("usr_k8x9m2")).isNotEqualTo(second.of("usr_k8x9m2"));
    assertThat(first.origin()).isEqualTo("a random key for this process");
  }
}
