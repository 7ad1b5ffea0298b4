package dev.tracelookup.tickets;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared pieces of the resolver tests: vendor JSON from {@code fixtures/tickets/}, and a {@link
 * BackendHttp} whose pauses between retries are recorded instead of waited.
 */
public final class TicketApiFixtures {
  /** The agent's zone, used when the requester has none on record. */
  public static final ZoneId AGENT_ZONE = ZoneId.of("Europe/Berlin");

  public static final HttpClient CLIENT = HttpClient.newHttpClient();

  final List<Duration> pauses = new ArrayList<>();

  /** Returns the fixture's text, e.g. {@code zendesk/ticket-4512-with-users.json}. */
  public static String fixture(String name) {
    try (InputStream in =
        TicketApiFixtures.class.getResourceAsStream("/fixtures/tickets/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /**
   * Returns a client for the endpoint with a short per-attempt timeout, for the slow-server tests.
   */
  public BackendHttp http(Endpoint endpoint) {
    Endpoint quick =
        new Endpoint(
            endpoint.backendName(),
            endpoint.baseUrl(),
            endpoint.headers(),
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            2,
            1_000_000);
    return new BackendHttp(CLIENT, quick, Clock.systemUTC(), pauses::add);
  }

  public static Instant instant(String iso) {
    return Instant.parse(iso);
  }
}
