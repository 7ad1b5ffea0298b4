package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ReplyModalTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void source_traceAndIncident_namesBoth() {
    String source =
        ReplyModal.source("4bf92f3577b34da6a3ce929d0e0e4736", Optional.of("INC-4521"), LONDON);

    assertThat(source)
        .isEqualTo("Written from trace 4bf92f35… and INC-4521, with times in Europe/London");
  }

  @Test
  void source_zipkin64BitTrace_namesTheSignificantHalf() {
    String source = ReplyModal.source("0000000000000000463ac35c9f6413ad", Optional.empty(), LONDON);

    assertThat(source).isEqualTo("Written from trace 463ac35c…, with times in Europe/London");
  }
}
