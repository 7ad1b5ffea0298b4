package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.otlpfile.SpanJson.line;
import static dev.tracelookup.backend.otlpfile.SpanJson.resource;
import static dev.tracelookup.backend.otlpfile.SpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.trace.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

final class OtlpFileBackendTest {
  private static final List<String> USER_KEYS = List.of("user.id", "enduser.id");
  private static final String TRACE = "0000000000000000a3ce929d0e0e4736";
  private static final String TRACE_LINE =
      line(resource("order-svc", span(TRACE, "00f067aa0ba902b7").attr("user.id", "usr_secret_7")));

  @TempDir Path directory;

  @Test
  void open_missingDirectory_throwsIOExceptionNamingIt() {
    Path missing = directory.resolve("nowhere");

    assertThatThrownBy(() -> open(missing))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not found")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void open_regularFileInsteadOfDirectory_throwsIOException() throws IOException {
    Path file = Files.writeString(directory.resolve("traces.jsonl"), TRACE_LINE);

    assertThatThrownBy(() -> open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void open_directoryWithoutTraceFiles_throwsIOException() throws IOException {
    Files.writeString(directory.resolve("README.md"), "# not traces");

    assertThatThrownBy(() -> open(directory))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no *.jsonl or *.json files");
  }

  @Test
  void open_noUserAttributeKeys_throwsIllegalArgumentException() throws IOException {
    write(TRACE_LINE);

    assertThatThrownBy(() -> OtlpFileBackend.open(directory, List.of(), Optional.empty(), "files"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user attribute keys");
  }

  @Test
  void open_templateWithoutTraceIdPlaceholder_throwsIllegalArgumentException() throws IOException {
    write(TRACE_LINE);

    assertThatThrownBy(
            () ->
                OtlpFileBackend.open(directory, USER_KEYS, Optional.of("http://ui/trace"), "files"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{traceId}");
  }

  @Test
  void open_malformedLine_isSkippedCountedAndLoggedWithoutItsContent() throws IOException {
    write(
        TRACE_LINE,
        "{\"resourceSpans\":[{\"user.id\":\"usr_secret_7\"",
        "",
        "not json usr_secret_7");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger indexerLog = (Logger) LoggerFactory.getLogger(DirectoryIndexer.class);
    logged.start();
    indexerLog.addAppender(logged);

    OtlpFileBackend backend;
    try {
      backend = open(directory);
    } finally {
      indexerLog.detachAppender(logged);
    }

    assertThat(backend.skippedLines()).isEqualTo(2);
    assertThat(backend.traceCount()).isEqualTo(1);
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(message -> assertThat(message).contains("line 2 of").contains("traces.jsonl"))
        .anySatisfy(message -> assertThat(message).contains("line 4 of"))
        .noneSatisfy(message -> assertThat(message).contains("usr_secret_7"));
  }

  @Test
  void fetch_uppercaseUnpaddedId_returnsTheTrace() throws IOException {
    write(TRACE_LINE);
    OtlpFileBackend backend = open(directory);

    FetchResult result = backend.fetch("A3CE929D0E0E4736");

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) result).trace().traceId()).isEqualTo(TRACE);
  }

  @Test
  void fetch_unknownId_returnsNotFoundWithTheNormalisedId() throws IOException {
    write(TRACE_LINE);
    OtlpFileBackend backend = open(directory);

    FetchResult result = backend.fetch("ABC");

    assertThat(result).isEqualTo(new FetchResult.NotFound("00000000000000000000000000000abc"));
  }

  @Test
  void fetch_textThatIsNoId_returnsNotFound() throws IOException {
    write(TRACE_LINE);
    OtlpFileBackend backend = open(directory);

    FetchResult result = backend.fetch("not-an-id!");

    assertThat(result).isEqualTo(new FetchResult.NotFound("not-an-id!"));
  }

  @Test
  void fetch_spanWrittenTwice_keepsItOnce() throws IOException {
    write(TRACE_LINE, TRACE_LINE);
    OtlpFileBackend backend = open(directory);

    FetchResult result = backend.fetch(TRACE);

    assertThat(((FetchResult.Fetched) result).trace().spans())
        .extracting(Span::spanId)
        .containsExactly("00f067aa0ba902b7");
  }

  @Test
  void fetch_fileDeletedAfterIndexing_returnsFailedUnreachable() throws IOException {
    Path file = write(TRACE_LINE);
    OtlpFileBackend backend = open(directory);
    Files.delete(file);

    FetchResult result = backend.fetch(TRACE);

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(((FetchResult.Failed) result).failure().kind())
        .isEqualTo(BackendFailure.Kind.UNREACHABLE);
  }

  @Test
  void fetch_lineOverwrittenAfterIndexing_returnsFailedMalformed() throws IOException {
    Path file = write(TRACE_LINE);
    OtlpFileBackend backend = open(directory);
    Files.writeString(file, "x".repeat(TRACE_LINE.length()));

    FetchResult result = backend.fetch(TRACE);

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(((FetchResult.Failed) result).failure().kind())
        .isEqualTo(BackendFailure.Kind.MALFORMED);
  }

  @Test
  void traceUrl_withTemplate_fillsTraceAndSpanOrLeavesSpanEmpty() throws IOException {
    write(TRACE_LINE);
    OtlpFileBackend backend =
        OtlpFileBackend.open(
            directory,
            USER_KEYS,
            Optional.of("http://ui/trace/{traceId}?uiFind={spanId}"),
            "files");

    Optional<String> focused = backend.traceUrl(TRACE, Optional.of("00f067aa0ba902b7"));
    Optional<String> unfocused = backend.traceUrl(TRACE, Optional.empty());

    assertThat(focused).contains("http://ui/trace/" + TRACE + "?uiFind=00f067aa0ba902b7");
    assertThat(unfocused).contains("http://ui/trace/" + TRACE + "?uiFind=");
  }

  @Test
  void traceUrl_withoutTemplate_isEmpty() throws IOException {
    write(TRACE_LINE);
    OtlpFileBackend backend = open(directory);

    Optional<String> url = backend.traceUrl(TRACE, Optional.of("00f067aa0ba902b7"));

    assertThat(url).isEmpty();
  }

  @Test
  void displayName_isTheOneGiven() throws IOException {
    write(TRACE_LINE);

    OtlpFileBackend backend =
        OtlpFileBackend.open(directory, USER_KEYS, Optional.empty(), "demo files");

    assertThat(backend.displayName()).isEqualTo("demo files");
  }

  private Path write(String... lines) throws IOException {
    return Files.writeString(directory.resolve("traces.jsonl"), String.join("\n", lines) + "\n");
  }

  private static OtlpFileBackend open(Path path) throws IOException {
    return OtlpFileBackend.open(path, USER_KEYS, Optional.empty(), "test files");
  }
}
