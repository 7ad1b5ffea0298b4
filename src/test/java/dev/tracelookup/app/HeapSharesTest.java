package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HeapSharesTest {
  private static final long MIB = 1 << 20;
  @TempDir Path dir;

  @Test
  void readBytes_notConfigured_isAnEighthOfTheHeap() throws IOException {
    assertThat(HeapShares.readBytes(lookup(""), 512 * MIB)).isEqualTo(64 * MIB);
    assertThat(HeapShares.readBytes(lookup(""), 8 * MIB)).isEqualTo(MIB);
  }

  @Test
  void readBytes_configured_isTakenAsIs() throws IOException {
    assertThat(
            HeapShares.readBytes(lookup("lookup:\n  max-bytes-in-flight: 268435456\n"), 512 * MIB))
        .isEqualTo(256 * MIB);
  }

  @Test
  void traceCacheSpans_moreThanAQuarterOfTheHeapHolds_isLowered() {
    assertThat(HeapShares.traceCacheSpans(2_000_000, 512 * MIB)).isEqualTo(131_072);
    assertThat(HeapShares.traceCacheSpans(2_000_000, 16_384 * MIB)).isEqualTo(2_000_000);
    assertThat(HeapShares.traceCacheSpans(1_000, 512 * MIB)).isEqualTo(1_000);
  }

  private Config.Lookup lookup(String yaml) throws IOException {
    Files.createDirectories(dir.resolve("demo"));
    Path file = Files.writeString(dir.resolve("trace-lookup.yml"), yaml);
    return ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())).lookup();
  }
}
