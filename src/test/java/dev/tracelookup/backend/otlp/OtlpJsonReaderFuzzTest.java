package dev.tracelookup.backend.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tracelookup.testing.JsonMutations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Corrupted documents may be read or refused, but only ever refused with the reader's exception.
 */
final class OtlpJsonReaderFuzzTest {
  private static final byte[] VALID = OtlpJsonReaderMalformedTest.validDocument().getBytes(UTF_8);

  /** The demo data's first line: a real collector's file-exporter output. */
  private static final String DEMO_LINE = firstDemoLine();

  private final OtlpJsonReader reader = new OtlpJsonReader(Set.of("user.id"));

  @Property(tries = 2000)
  void readAll_oneByteReplaced_succeedsOrThrowsOtlpFormatException(
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll byte replacement) {
    byte[] corrupted = VALID.clone();
    corrupted[position % corrupted.length] = replacement;

    assertThatCode(() -> readOrRefuse(corrupted)).doesNotThrowAnyException();
  }

  @Property(tries = 1000)
  void readAll_bytesInserted_succeedsOrThrowsOtlpFormatException(
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll byte[] inserted) {
    int at = position % VALID.length;
    byte[] corrupted = new byte[VALID.length + inserted.length];
    System.arraycopy(VALID, 0, corrupted, 0, at);
    System.arraycopy(inserted, 0, corrupted, at, inserted.length);
    System.arraycopy(VALID, at, corrupted, at + inserted.length, VALID.length - at);

    assertThatCode(() -> readOrRefuse(corrupted)).doesNotThrowAnyException();
  }

  @Property(tries = 500)
  void readAll_mutatedRealDocument_succeedsOrThrowsOtlpFormatException(
      @ForAll("mutatedDocuments") String json) {
    assertThatCode(() -> readOrRefuse(json.getBytes(UTF_8))).doesNotThrowAnyException();
  }

  @Provide
  Arbitrary<String> mutatedDocuments() {
    return Arbitraries.oneOf(
        JsonMutations.of(DEMO_LINE),
        JsonMutations.of(new String(VALID, UTF_8)),
        JsonMutations.deepNesting());
  }

  private static String firstDemoLine() {
    try (var lines = Files.lines(Path.of("config/demo/traces-2026-02-06.jsonl"))) {
      return lines.findFirst().orElseThrow();
    } catch (IOException missing) {
      throw new UncheckedIOException(missing);
    }
  }

  private void readOrRefuse(byte[] json) {
    try {
      reader.readAll(json);
    } catch (OtlpFormatException refused) {
      // The one allowed way to refuse; anything else escapes and fails the property.
    }
  }
}
