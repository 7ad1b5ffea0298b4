package dev.tracelookup.incidents.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.SourceHttp;
import dev.tracelookup.incidents.SourceResult;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the remote source tests share: HTTP settings that record pauses, and result unwrapping. */
final class RemoteFixtures {
  /**
   * The lookups happen the evening of the write-up's day; sources are asked for the two weeks
   * before.
   */
  static final Instant NOW = Instant.parse("2026-02-06T18:00:00Z");

  static final Instant FROM = NOW.minus(Duration.ofDays(14));

  private RemoteFixtures() {}

  static SourceHttp http(List<Duration> pauses) {
    return new SourceHttp(
        HttpClient.newHttpClient(),
        Clock.systemUTC(),
        pauses::add,
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        3,
        1024 * 1024);
  }

  static List<Incident> incidents(SourceResult result) {
    assertThat(result).isInstanceOf(SourceResult.Fetched.class);
    return ((SourceResult.Fetched) result).incidents();
  }

  static String failure(SourceResult result) {
    assertThat(result).isInstanceOf(SourceResult.Failed.class);
    return ((SourceResult.Failed) result).detail();
  }
}
