package dev.tracelookup.backend.zipkin;

import static dev.tracelookup.testing.HostileInput.readsOrRefuses;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracelookup.testing.JsonMutations;
import java.io.ByteArrayInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile Zipkin v2 answers, made by mutating openzipkin's own test data and an OpenTelemetry
 * exporter's span: both entry points answer spans or throw {@link ZipkinFormatException}.
 */
final class ZipkinJsonReaderFuzzTest {
  @Property(tries = 500)
  void readTrace_mutatedRealTrace_readsOrRefusesWithZipkinFormatException(
      @ForAll("traces") String body) {
    readsOrRefuses(
        ZipkinFormatException.class, () -> ZipkinJsonReader.readTrace(stream(body), span -> {}));
  }

  @Property(tries = 500)
  void readTraceList_mutatedRealTraceList_readsOrRefusesWithZipkinFormatException(
      @ForAll("traceLists") String body) {
    readsOrRefuses(
        ZipkinFormatException.class,
        () -> ZipkinJsonReader.readTraceList(stream(body), (index, span) -> {}));
  }

  @Provide
  Arbitrary<String> traces() {
    return Arbitraries.oneOf(
        JsonMutations.of(ZipkinFixtures.SKEW),
        JsonMutations.of(ZipkinFixtures.SIMPLE_DB),
        JsonMutations.of("[" + ZipkinFixtures.OTEL_CLIENT_ERROR + "]"),
        JsonMutations.deepNesting());
  }

  @Provide
  Arbitrary<String> traceLists() {
    return Arbitraries.oneOf(
        JsonMutations.of("[" + ZipkinFixtures.SKEW + "," + ZipkinFixtures.SIMPLE_DB + "]"),
        JsonMutations.deepNesting());
  }

  private static ByteArrayInputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(UTF_8));
  }
}
