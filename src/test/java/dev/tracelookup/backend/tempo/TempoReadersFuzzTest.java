package dev.tracelookup.backend.tempo;

import static dev.tracelookup.testing.HostileInput.readsOrRefuses;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * Hostile Tempo answers, made by mutating real ones: the search reader answers hits or a JSON parse
 * failure; the trace reader, v1 and v2, a document or {@link OtlpFormatException}.
 */
final class TempoReadersFuzzTest {
  private static final String SEARCH =
      TempoSearchJson.search(List.of(TestSpans.orderPaymentFailure()));
  private static final String TRACE_V2 = TempoJson.traceV2(TestSpans.orderPaymentFailure().spans());
  private static final String TRACE_V1 = TempoJson.traceV1(TestSpans.orderPaymentFailure().spans());

  private final SearchResponseReader search = new SearchResponseReader();
  private final TraceResponseReader trace =
      new TraceResponseReader(new OtlpJsonReader(Set.of("user.id")));

  @Property(tries = 500)
  void searchReader_mutatedRealAnswer_readsOrRefusesAsJsonProblem(@ForAll("searches") String body) {
    readsOrRefuses(JsonProcessingException.class, () -> search.read(stream(body)));
  }

  @Property(tries = 500)
  void traceReader_mutatedRealV1OrV2Answer_readsOrRefusesWithOtlpFormatException(
      @ForAll("traces") String body) {
    readsOrRefuses(OtlpFormatException.class, () -> trace.read(stream(body)));
  }

  @Provide
  Arbitrary<String> searches() {
    return Arbitraries.oneOf(JsonMutations.of(SEARCH), Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> traces() {
    return Arbitraries.oneOf(
        JsonMutations.of(TRACE_V2), JsonMutations.of(TRACE_V1), JsonMutations.deepNesting());
  }

  private static ByteArrayInputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(UTF_8));
  }
}
