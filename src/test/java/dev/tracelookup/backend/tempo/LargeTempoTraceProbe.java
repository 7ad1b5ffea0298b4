package dev.tracelookup.backend.tempo;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fetches a generated trace of the given number of spans from a streaming Tempo through {@link
 * TempoBackend} and prints the spans read and whether the trace was partial; run in a JVM with a
 * small heap by {@link TempoLargeTraceTest}.
 */
final class LargeTempoTraceProbe {
  private LargeTempoTraceProbe() {}

  public static void main(String[] args) throws Exception {
    int spanCount = Integer.parseInt(args[0]);
    try (StreamingTempo tempo =
        new StreamingTempo(TempoTraceStream.TRACE_ID, () -> new TempoTraceStream(spanCount))) {
      Endpoint endpoint =
          new Endpoint(
              "Tempo",
              tempo.uri(),
              Map.of(),
              Duration.ofMinutes(1),
              Duration.ofMinutes(2),
              1,
              Long.MAX_VALUE);
      BackendHttp http =
          new BackendHttp(HttpClient.newHttpClient(), endpoint, Clock.systemUTC(), wait -> {});
      TempoBackend backend =
          new TempoBackend(http, List.of("user.id"), TempoOptions.defaults(), Clock.systemUTC());
      FetchResult result = backend.fetch(TempoTraceStream.TRACE_ID);
      if (!(result instanceof FetchResult.Fetched fetched)) {
        System.out.println(result);
        return;
      }
      System.out.println(
          fetched.trace().spans().size() + " " + (fetched.partial() ? "partial" : "complete"));
    }
  }
}
