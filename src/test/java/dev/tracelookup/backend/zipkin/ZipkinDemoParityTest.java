package dev.tracelookup.backend.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.http.BackendHttp;
import dev.tracelookup.backend.http.Endpoint;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The write-up's lookup reads the same through Zipkin as through the demo files, names lower-cased. */
final class ZipkinDemoParityTest {
  private static OtlpFileBackend files;
  private static FakeZipkin zipkin;

  @BeforeAll
  static void serveTheDemoUsersDay() throws Exception {
    files = DemoLookups.fileBackend();
    zipkin = new FakeZipkin().add(OtelToZipkin.spans(DemoLookups.tracesOfTheDay(files)));
  }

  @AfterAll
  static void stop() throws Exception {
    zipkin.close();
  }

  @Test
  void lookup_writeUpWindow_errorPathMatchesTheFileBackendUpToLowerCase() {
    ZipkinBackend backend = new ZipkinBackend(new BackendHttp(HttpClient.newHttpClient(),
        new Endpoint("Zipkin", zipkin.uri(), Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(10), 2, 50_000_000),
        Clock.systemUTC(), pause -> { }), DemoLookups.USER_KEYS, ZipkinOptions.defaults());

    String throughZipkin = DemoLookups.lookupText(backend);
    String throughFiles = DemoLookups.lookupText(DemoLookups.lowerCasedNames(files));

    System.out.println(throughZipkin);
    System.out.println(throughFiles);
    List<String> path = DemoLookups.errorPath(throughZipkin);
    assertThat(path).isEqualTo(DemoLookups.errorPath(throughFiles));
  }
}
