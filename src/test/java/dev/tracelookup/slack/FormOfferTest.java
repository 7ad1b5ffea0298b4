package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The form offered under an unsure reading travels whole in its button's value. */
final class FormOfferTest {
  private final FormContext context =
      new FormContext(
          "C0SUPPORT", Optional.of("1770389000.000100"), "https://hooks.slack.com/r/1", "");

  @Test
  void decode_encodedOffer_givesItBack() {
    FormOffer offer =
        new FormOffer("usr_k8x9m2", "Feb 6 2:15pm", "Europe/Paris", "Two IDs", context);

    assertThat(FormOffer.decode(offer.encode())).contains(offer);
  }

  @Test
  void prefill_guessedValues_sayWhereTheyCameFrom() {
    FormOffer offer = new FormOffer("usr_k8x9m2", "2:15pm", "UTC", "Two IDs", context);

    assertThat(offer.prefill().userId()).isEqualTo("usr_k8x9m2");
    assertThat(offer.prefill().userIdSource()).contains("your message");
    assertThat(offer.prefill().when()).isEqualTo("2:15pm");
    assertThat(offer.prefill().note()).isEqualTo("Two IDs");
  }

  @Test
  void decode_tamperedValue_isEmpty() {
    assertThat(FormOffer.decode("{\"u\":1}")).isEmpty();
    assertThat(FormOffer.decode("not json")).isEmpty();
    assertThat(FormOffer.decode(null)).isEmpty();
  }
}
