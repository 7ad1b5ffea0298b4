package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.testing.HostileInput.readsOrRefuses;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.testing.JsonMutations;
import dev.tracelookup.trace.TestSpans;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile Jaeger answers, made by mutating real ones: api/v1's reader answers or throws {@link
 * JaegerFormatException}; api/v3's (OTLP JSON grouped into traces) answers or throws {@link
 * OtlpFormatException}.
 */
final class JaegerReadersFuzzTest {
  private static final String V1 = V1Json.data(List.of(TestSpans.orderPaymentFailure()));
  private static final String V3 = V3Json.result(List.of(TestSpans.orderPaymentFailure()));

  private final V1Reader v1 = new V1Reader(Set.of("user.id"));
  private final OtlpJsonReader v3 = new OtlpJsonReader(Set.of("user.id"));

  @Property(tries = 500)
  void v1Reader_mutatedRealAnswer_readsOrRefusesWithJaegerFormatException(
      @ForAll("v1Answers") String body) {
    readsOrRefuses(JaegerFormatException.class, () -> v1.read(stream(body)));
  }

  @Property(tries = 500)
  void v3Reader_mutatedRealAnswer_readsOrRefusesWithOtlpFormatException(
      @ForAll("v3Answers") String body) {
    readsOrRefuses(
        OtlpFormatException.class,
        () -> {
          TraceGrouper grouper = new TraceGrouper();
          v3.read(stream(body), grouper);
          grouper.traces();
        });
  }

  @Provide
  Arbitrary<String> v1Answers() {
    return Arbitraries.oneOf(
        JsonMutations.of(V1), JsonMutations.deepNesting(), Arbitraries.strings().ofMaxLength(100));
  }

  @Provide
  Arbitrary<String> v3Answers() {
    return Arbitraries.oneOf(JsonMutations.of(V3), JsonMutations.deepNesting());
  }

  private static ByteArrayInputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(UTF_8));
  }
}
