package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class UserIdHasherTest {
  // RFC 4231, test case 2: HMAC-SHA-256 with key "Jefe".
  private static final byte[] JEFE = "Jefe".getBytes(StandardCharsets.UTF_8);
  private static final String WHAT_DO_YA_WANT = "what do ya want for nothing?";

  @Test
  void stored_identity_isTheIdAsTyped() {
    assertThat(UserIdHasher.identity().stored("usr_k8x9m2")).isEqualTo("usr_k8x9m2");
    assertThat(UserIdHasher.identity().hashing()).isFalse();
  }

  @Test
  void stored_hmacHex_matchesTheRfc4231Vector() {
    UserIdHasher hasher = UserIdHasher.hmac(JEFE, UserIdHasher.Format.HEX, "");

    assertThat(hasher.stored(WHAT_DO_YA_WANT))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void stored_hmacBase64UrlWithPrefix_isWhatServicesWrite() {
    UserIdHasher hasher = UserIdHasher.hmac(JEFE, UserIdHasher.Format.BASE64URL, "h:");

    assertThat(hasher.stored(WHAT_DO_YA_WANT))
        .isEqualTo("h:W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
  }

  @Test
  void toString_neverShowsTheKey() {
    assertThat(UserIdHasher.hmac(JEFE, UserIdHasher.Format.HEX, "").toString())
        .doesNotContain("Jefe")
        .contains("****");
  }

  @Test
  void hmac_emptyKey_isRefused() {
    assertThatThrownBy(() -> UserIdHasher.hmac(new byte[0], UserIdHasher.Format.HEX, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
