package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever surrounds it and however it is written, a planted customer ID never survives masking.
 */
final class CustomerIdsPropertyTest {
  private static final String ID = "usr_k8x9m2";
  private final CustomerIds ids = CustomerIds.of(ID, UserIdHasher.identity());

  @Property(tries = 3_000)
  void mask_plantedIdInAnyCaseOrEncoding_neverSurvives(
      @ForAll("written") String written,
      @ForAll String text,
      @ForAll @IntRange(max = 10_000) int at) {
    int position = Math.floorMod(at, text.length() + 1);
    String planted = text.substring(0, position) + " " + written + " " + text.substring(position);

    String masked = ids.mask(planted);

    assertThat(masked).contains(CustomerIds.MASK).doesNotContain(written);
    assertThat(ids.appearIn(masked)).isFalse();
  }

  @Property(tries = 2_000)
  void mask_anyText_answersAndSettlesAfterOnePass(@ForAll String text) {
    String once = ids.mask(text);

    assertThat(ids.mask(once)).isEqualTo(once);
  }

  /** The ID with each character as it is, in the other case, or percent-encoded in either case. */
  @Provide
  Arbitrary<String> written() {
    return Arbitraries.integers()
        .between(0, 3)
        .list()
        .ofSize(ID.length())
        .map(
            ways -> {
              StringBuilder written = new StringBuilder();
              for (int i = 0; i < ID.length(); i++) {
                char c = ID.charAt(i);
                String encoded = String.format(Locale.ROOT, "%%%02X", (int) c);
                written.append(
                    ways.get(i) == 0
                        ? String.valueOf(c)
                        : ways.get(i) == 1
                            ? String.valueOf(Character.toUpperCase(c))
                            : ways.get(i) == 2 ? encoded : encoded.toLowerCase(Locale.ROOT));
              }
              return written.toString();
            });
  }
}
