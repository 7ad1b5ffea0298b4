package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.otlpfile.SpanJson.line;
import static dev.tracelookup.backend.otlpfile.SpanJson.resource;
import static dev.tracelookup.backend.otlpfile.SpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OtlpFileBackendCheckTest {
  @TempDir Path root;

  private OtlpFileBackend indexed(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve("traces.jsonl"),
        line(
                resource(
                    "order-svc",
                    span("0000000000000000a3ce929d0e0e4736", "00f067aa0ba902b7")
                        .attr("user.id", "usr_k8x9m2")))
            + "\n");
    return OtlpFileBackend.open(directory, List.of("user.id"), Optional.empty(), "demo files");
  }

  @Test
  void check_indexedDirectoryStillThere_isOk() throws IOException {
    OtlpFileBackend backend = indexed(root.resolve("traces"));

    CheckResult result = backend.check();

    assertThat(result).isEqualTo(CheckResult.OK);
  }

  @Test
  void check_directoryRemovedAfterIndexing_failsAsUnreachableWithoutThePath() throws IOException {
    Path directory = root.resolve("traces");
    OtlpFileBackend backend = indexed(directory);
    Files.delete(directory.resolve("traces.jsonl"));
    Files.delete(directory);

    CheckResult result = backend.check();

    assertThat(result.failure())
        .hasValueSatisfying(
            failure -> {
              assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNREACHABLE);
              assertThat(failure.detail()).doesNotContain(directory.toString());
            });
  }
}
