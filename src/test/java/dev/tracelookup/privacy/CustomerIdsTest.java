package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class CustomerIdsTest {
  private final CustomerIds ids = CustomerIds.of("usr_k8x9m2", UserIdHasher.identity());

  static Stream<Arguments> masked() {
    return Stream.of(
        argumentSet(
            "in a URL path", "GET /users/usr_k8x9m2/orders", "GET /users/[customer]/orders"),
        argumentSet(
            "in a message",
            "gateway rejected (user usr_k8x9m2)",
            "gateway rejected (user [customer])"),
        argumentSet("upper-case", "payment for USR_K8X9M2 failed", "payment for [customer] failed"),
        argumentSet("URL-encoded", "GET /users/usr%5Fk8x9m2/cart", "GET /users/[customer]/cart"),
        argumentSet("URL-encoded in lower case", "q=usr%5fk8x9m2", "q=[customer]"),
        argumentSet(
            "after an encoded slash",
            "path=%2Fusers%2Fusr_k8x9m2%2Fcart",
            "path=%2Fusers%2F[customer]%2Fcart"),
        argumentSet("in a host name", "usr_k8x9m2.tenants.example", "[customer].tenants.example"),
        argumentSet("joined by underscores", "cart_usr_k8x9m2_v2", "cart_[customer]_v2"),
        argumentSet("twice", "usr_k8x9m2 and usr_k8x9m2", "[customer] and [customer]"));
  }

  static Stream<Arguments> kept() {
    return Stream.of(
        argumentSet("another customer whose ID starts the same", "usr_k8x9m23"),
        argumentSet("inside a longer word", "xusr_k8x9m2"),
        argumentSet("the fingerprint", "customer u:deab39e7d501770180ea"),
        argumentSet("empty", ""));
  }

  @ParameterizedTest
  @MethodSource("masked")
  void mask_idInAnyForm_isReplaced(String text, String expected) {
    assertThat(ids.mask(text)).isEqualTo(expected);
    assertThat(ids.appearIn(text)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("kept")
  void mask_otherText_staysAsItIs(String text) {
    assertThat(ids.mask(text)).isEqualTo(text);
    assertThat(ids.appearIn(text)).isFalse();
  }

  @Test
  void mask_idWithSpecialCharacters_matchesThemLiterallyEncodedOrEscaped() {
    CustomerIds email = CustomerIds.of("jane+1@acme.io", UserIdHasher.identity());

    assertThat(email.mask("to jane+1@acme.io, jane%2B1%40acme.io or janeX1@acme.io"))
        .isEqualTo("to [customer], [customer] or janeX1@acme.io");
    assertThat(CustomerIds.of("a&b", UserIdHasher.identity()).mask("for a&amp;b"))
        .isEqualTo("for [customer]");
  }

  @Test
  void mask_servicesStoreAKeyedHash_masksTheHashWithAndWithoutItsPrefix() {
    UserIdHasher hasher =
        UserIdHasher.hmac("k3y".getBytes(StandardCharsets.UTF_8), UserIdHasher.Format.HEX, "h:");
    String stored = hasher.stored("usr_k8x9m2");
    String bare = stored.substring(2);
    CustomerIds hashed = CustomerIds.of("usr_k8x9m2", hasher);

    assertThat(
            hashed.mask("user.id=" + stored + " cache " + bare.toUpperCase() + " typed usr_k8x9m2"))
        .isEqualTo("user.id=[customer] cache [customer] typed [customer]");
  }

  /**
   * Span texts come from the backend: near-misses of the longest ID allowed must not stall a share.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void mask_hundredKilobytesOfNearMisses_finishesQuickly() {
    String longest = "a".repeat(127) + "b";
    CustomerIds hostile = CustomerIds.of(longest, UserIdHasher.identity());
    String nearMisses = "a".repeat(100_000) + " " + "%61".repeat(30_000);

    assertThat(hostile.mask(nearMisses)).isEqualTo(nearMisses);
    assertThat(hostile.mask(nearMisses + " " + longest)).endsWith(" " + CustomerIds.MASK);
  }

  @Test
  void toString_neverShowsTheId() {
    assertThat(ids.toString()).doesNotContain("usr_k8x9m2");
  }
}
