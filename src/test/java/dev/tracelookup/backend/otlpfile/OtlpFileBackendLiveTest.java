package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.otlpfile.SpanJson.line;
import static dev.tracelookup.backend.otlpfile.SpanJson.resource;
import static dev.tracelookup.backend.otlpfile.SpanJson.span;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.testing.MutableClock;
import dev.tracelookup.trace.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend following a directory as the collector's file exporter writes it: appends, rotation
 * by rename, deletion, truncation and expiry. Each test drives {@link OtlpFileBackend#refresh}
 * itself; only production schedules it.
 */
final class OtlpFileBackendLiveTest {
  private static final List<String> USER_KEYS = List.of("user.id");
  private static final String FIRST = "0000000000000000a3ce929d0e0e4736";
  private static final String SECOND = "0000000000000000b3ce929d0e0e4736";
  private static final Instant NOW = Instant.parse("2026-02-06T15:00:00Z");

  @TempDir Path directory;

  private final MutableClock clock = new MutableClock(NOW);

  @Test
  void refresh_linesAppendedToTheCurrentFile_areFoundAfterRefresh() throws IOException {
    Path current = write("traces.json", trace(FIRST, "usr_1", "14:00:00"));
    OtlpFileBackend backend = open(OtlpFileOptions.DEFAULTS);
    append(current, trace(SECOND, "usr_2", "14:05:00") + "\n");

    List<String> before = found(backend, "usr_2");
    backend.refresh();

    assertThat(before).isEmpty();
    assertThat(found(backend, "usr_2")).containsExactly(SECOND);
    assertThat(found(backend, "usr_1")).containsExactly(FIRST);
  }

  @Test
  void refresh_newFile_isFoundAfterRefresh() throws IOException {
    write("traces.json", trace(FIRST, "usr_1", "14:00:00"));
    OtlpFileBackend backend = open(OtlpFileOptions.DEFAULTS);
    write("more.jsonl", trace(SECOND, "usr_1", "14:05:00"));

    backend.refresh();

    assertThat(found(backend, "usr_1")).containsExactly(SECOND, FIRST);
  }

  @Test
  void refresh_halfWrittenLastLine_isIgnoredUntilCompleted() throws IOException {
    Path current = write("traces.json", trace(FIRST, "usr_1", "14:00:00"));
    OtlpFileBackend backend = open(OtlpFileOptions.DEFAULTS);
    String next = trace(SECOND, "usr_1", "14:05:00");
    append(current, next.substring(0, next.length() / 2));

    backend.refresh();
    List<String> halfWritten = found(backend, "usr_1");
    append(current, next.substring(next.length() / 2) + "\n");
    backend.refresh();

    assertThat(halfWritten).containsExactly(FIRST);
    assertThat(found(backend, "usr_1")).containsExactly(SECOND, FIRST);
    assertThat(backend.skippedLines()).isZero();
  }

  @Test
  void refresh_rotationByRename_keepsEachTraceOnceAndFetchesItUnderTheNewName() throws IOException {
    Path current = write("traces.json", trace(FIRST, "usr_1", "14:00:00"));
    OtlpFileBackend backend = open(OtlpFileOptions.DEFAULTS);
    Files.move(current, directory.resolve("traces-2026-02-06T14-30-00.000.json"));
    write("traces.json", trace(SECOND, "usr_1", "14:35:00"));

    backend.refresh();

    assertThat(found(backend, "usr_1")).containsExactly(SECOND, FIRST);
    assertThat(backend.traceCount()).isEqualTo(2);
    assertThat(backend.fetch(FIRST)).isInstanceOf(FetchResult.Fetched.class);
  }

  @Test
  void refresh_deletedFile_itsTracesAreGone() throws IOException {
    Path old = write("traces-2026-02-06T14-30-00.000.json", trace(FIRST, "usr_1", "14:00:00"));
    write("traces.json", trace(SECOND, "usr_1", "14:35:00"));
    OtlpFileBackend backend = open(OtlpFileOptions.DEFAULTS);
    Files.delete(old);

    backend.refresh();

    assertThat(found(backend, "usr_1")).containsExactly(SECOND);
    assertThat(backend.fetch(FIRST)).isInstanceOf(FetchResult.NotFound.class);
  }

  @Test
  void refresh_fileTruncatedAndWrittenAgain_holdsOnlyItsNewContent() throws IOException {
    Path current = write("traces.json", trace(FIRST, "usr_1", "14:00:00"));
    OtlpFileBackend backend = open(OtlpFileOptions.DEFAULTS);
    // A collector restarted without `append: true` truncates its file.
    Files.writeString(current, trace(SECOND, "usr_22", "14:35:00") + "\n");

    backend.refresh();

    assertThat(found(backend, "usr_1")).isEmpty();
    assertThat(found(backend, "usr_22")).containsExactly(SECOND);
  }

  @Test
  void refresh_traceSpreadOverLinesAndFiles_mergesAsTheyArrive() throws IOException {
    String root =
        line(resource("order-svc", span(FIRST, "00f067aa0ba902b7").attr("user.id", "usr_1")));
    String child =
        line(
            resource(
                "payment-svc", span(FIRST, "00f067aa0ba902b8").parent("00f067aa0ba902b7").error()));
    Path current = write("traces.json", root);
    OtlpFileBackend backend = open(OtlpFileOptions.DEFAULTS);
    boolean failingBefore = !found(backend, errorsOnly("usr_1")).isEmpty();
    append(current, child + "\n");
    write("late.jsonl", line(resource("audit-svc", span(FIRST, "00f067aa0ba902b9"))));

    backend.refresh();

    assertThat(failingBefore).isFalse();
    SearchResult result = backend.search(errorsOnly("usr_1"));
    List<TraceRef> traces = ((SearchResult.Found) result).traces();
    assertThat(traces).hasSize(1);
    assertThat(traces.get(0).trace().orElseThrow().spans())
        .extracting(Span::service)
        .containsExactlyInAnyOrder("order-svc", "payment-svc", "audit-svc");
  }

  @Test
  void refresh_maxAge_dropsOlderTracesAndKeepsTheirFilesUnlessDeletionIsOn() throws IOException {
    Path old = write("traces-old.json", trace(FIRST, "usr_1", "10:00:00"));
    write("traces.json", trace(SECOND, "usr_1", "14:30:00"));
    OtlpFileOptions oneHour =
        new OtlpFileOptions(Duration.ofSeconds(2), Optional.of(Duration.ofHours(1)), false);
    OtlpFileBackend backend = open(oneHour);

    backend.refresh();

    assertThat(found(backend, "usr_1")).containsExactly(SECOND);
    assertThat(backend.traceCount()).isEqualTo(1);
    assertThat(old).exists();
  }

  @Test
  void refresh_maxAgeWithDeletion_deletesOldFilesButNeverTheNewest() throws IOException {
    Path old = write("traces-2026-02-06T11-00-00.000.json", trace(FIRST, "usr_1", "10:00:00"));
    Path current = write("traces.json", trace(SECOND, "usr_1", "12:30:00"));
    Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofHours(4))));
    Files.setLastModifiedTime(current, FileTime.from(NOW.minus(Duration.ofHours(2))));
    OtlpFileOptions deleting =
        new OtlpFileOptions(Duration.ofSeconds(2), Optional.of(Duration.ofHours(1)), true);
    OtlpFileBackend backend = open(deleting);

    backend.refresh();

    assertThat(old).doesNotExist();
    // Last written two hours ago, but the collector may still be writing to it.
    assertThat(current).exists();
    assertThat(found(backend, "usr_1")).isEmpty();
  }

  @Test
  void refresh_tracesExpireAsTheClockMoves() throws IOException {
    write("traces.json", trace(FIRST, "usr_1", "14:00:00"), trace(SECOND, "usr_1", "14:50:00"));
    OtlpFileOptions oneHour =
        new OtlpFileOptions(Duration.ofSeconds(2), Optional.of(Duration.ofHours(1)), false);
    OtlpFileBackend backend = open(oneHour);
    List<String> atThree = found(backend, "usr_1");

    clock.advance(Duration.ofMinutes(30));
    backend.refresh();

    assertThat(atThree).containsExactly(SECOND, FIRST);
    assertThat(found(backend, "usr_1")).containsExactly(SECOND);
    assertThat(backend.traceCount()).isEqualTo(1);
  }

  @Test
  void open_zstdCompressedFile_isLeftOutAndTheOthersRead() throws IOException {
    Files.write(
        directory.resolve("traces-compressed.json"),
        new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 1, 2});
    write("traces.json", trace(FIRST, "usr_1", "14:00:00"));

    OtlpFileBackend backend = open(OtlpFileOptions.DEFAULTS);

    assertThat(found(backend, "usr_1")).containsExactly(FIRST);
    assertThat(backend.skippedLines()).isZero();
  }

  private OtlpFileBackend open(OtlpFileOptions options) throws IOException {
    return OtlpFileBackend.open(
        directory, USER_KEYS, Optional.empty(), "live files", options, clock);
  }

  private static String trace(String traceId, String user, String timeOfDay) {
    return line(
        resource(
            "order-svc",
            span(traceId, "00f067aa0ba902b7")
                .at("2026-02-06T" + timeOfDay + "Z")
                .attr("user.id", user)));
  }

  private Path write(String file, String... lines) throws IOException {
    return Files.writeString(directory.resolve(file), String.join("\n", lines) + "\n");
  }

  private static void append(Path file, String text) throws IOException {
    Files.write(file, text.getBytes(UTF_8), StandardOpenOption.APPEND);
  }

  private static List<String> found(OtlpFileBackend backend, String user) {
    return found(backend, query(user, false));
  }

  private static List<String> found(OtlpFileBackend backend, TraceQuery query) {
    SearchResult result = backend.search(query);
    assertThat(result).isInstanceOf(SearchResult.Found.class);
    return ((SearchResult.Found) result).traces().stream().map(TraceRef::traceId).toList();
  }

  private static TraceQuery errorsOnly(String user) {
    return query(user, true);
  }

  private static TraceQuery query(String user, boolean errorsOnly) {
    return new TraceQuery(
        user,
        Instant.parse("2026-02-06T00:00:00Z"),
        Instant.parse("2026-02-07T00:00:00Z"),
        Optional.empty(),
        Optional.empty(),
        errorsOnly,
        20);
  }
}
