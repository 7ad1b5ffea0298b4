package dev.tracelookup.backend.zipkin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The Zipkin calls a benchmark lookup needs, made bare: same client, same URLs, bodies read as
 * bytes and not parsed. Their time is the floor the lookup is measured against.
 */
final class RawZipkin {
  private final HttpClient client;
  private final URI base;
  private final List<String> searchPaths;

  RawZipkin(HttpClient client, URI base, List<String> searchPaths) {
    this.client = client;
    this.base = base;
    this.searchPaths = List.copyOf(searchPaths);
  }

  /** The searches by each user key, one after the other, as the Zipkin backend makes them. */
  void searches() throws IOException, InterruptedException {
    for (String path : searchPaths) {
      get(path);
    }
  }

  /** The searches, then each benchmark trace read by ID, one at a time. */
  void searchesThenFetches() throws IOException, InterruptedException {
    searches();
    for (int trace = 1; trace <= ZipkinBenchData.TRACES; trace++) {
      get("/api/v2/trace/" + String.format("b%031x", trace));
    }
  }

  private void get(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200 || response.body().length == 0) {
      throw new IllegalStateException(
          "zipkin-server answered " + response.statusCode() + " to " + path);
    }
  }
}
