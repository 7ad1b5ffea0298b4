package dev.tracelookup.backend.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The write-up's lookup reads the same through Zipkin, fed what OpenTelemetry's Zipkin exporter
 * sends, as through the demo files, except that Zipkin lower-cases span and service names.
 */
final class ZipkinDemoParityTest {
  private static String throughZipkin;
  private static String throughFiles;

  @BeforeAll
  static void lookUpTheWriteUpBothWays() throws Exception {
    OtlpFileBackend files = DemoLookups.fileBackend();
    try (FakeZipkin zipkin =
        new FakeZipkin().add(OtelToZipkin.spans(DemoLookups.tracesOfTheDay(files)))) {
      Endpoint endpoint =
          new Endpoint(
              "Zipkin",
              zipkin.uri(),
              Map.of(),
              Duration.ofSeconds(5),
              Duration.ofSeconds(10),
              2,
              50_000_000);
      ZipkinBackend backend =
          new ZipkinBackend(
              new BackendHttp(HttpClient.newHttpClient(), endpoint, Clock.systemUTC(), pause -> {}),
              DemoLookups.USER_KEYS,
              ZipkinOptions.defaults());
      throughZipkin = DemoLookups.lookupText(backend);
    }
    throughFiles = DemoLookups.lookupText(DemoLookups.lowerCasedNames(files, "Zipkin"));
  }

  @Test
  void lookup_writeUpWindow_errorPathMatchesTheFileBackendUpToLowerCase() {
    List<String> path = DemoLookups.errorPath(throughZipkin);

    assertThat(path).isEqualTo(DemoLookups.errorPath(throughFiles));
    assertThat(path)
        .contains(
            "     ❌ post payment-svc/charge → 502 Bad Gateway",
            "        ConnectionRefusedError: payment gateway timeout");
    assertThat(path.get(path.size() - 1))
        .startsWith("Root cause: order-svc → payment-svc · post payment-svc/charge");
  }

  @Test
  void lookup_writeUpWindow_wholeCardMatchesExceptTheLinkToZipkin() {
    List<String> withoutLink =
        throughZipkin
            .lines()
            .filter(line -> !line.startsWith("Open in Zipkin: http://127.0.0.1:"))
            .collect(Collectors.toList());

    assertThat(withoutLink).isEqualTo(throughFiles.lines().collect(Collectors.toList()));
    assertThat(throughZipkin).contains("/zipkin/traces/" + DemoLookups.WRITE_UP_TRACE);
  }
}
