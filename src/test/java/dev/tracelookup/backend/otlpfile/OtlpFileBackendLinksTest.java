package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.otlpfile.SpanJson.line;
import static dev.tracelookup.backend.otlpfile.SpanJson.resource;
import static dev.tracelookup.backend.otlpfile.SpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file backend's search by span link. The customer's order queued a message; its consumer ran
 * later in a trace of its own, linking back to the producer span, and failed:
 *
 * <pre>
 * producer.jsonl  PRODUCER_TRACE  a POST /api/v1/orders (order-svc, 202, user.id=usr_1) 14:17:23
 *                                 └── b orders publish (PRODUCER)
 *                                         ▲ link
 * consumer.jsonl  CONSUMER_TRACE  c orders process (fulfilment, CONSUMER, ERROR)       14:17:25
 *                 LATE_TRACE      d orders process (CONSUMER, link to b)                16:30:00
 * </pre>
 */
final class OtlpFileBackendLinksTest {
  private static final List<String> USER_KEYS = List.of("user.id");
  private static final String PRODUCER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CONSUMER_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String LATE_TRACE = "1af7651916cd43dd8448eb211c80319c";
  private static final String PUBLISH = "00000000000000b0";

  @TempDir Path directory;

  private void write(String file, String... lines) throws IOException {
    Files.writeString(directory.resolve(file), String.join("\n", lines) + "\n");
  }

  private void producerTrace() throws IOException {
    write(
        "producer.jsonl",
        line(
            resource(
                "order-svc",
                span(PRODUCER_TRACE, "00000000000000a0")
                    .name("POST /api/v1/orders")
                    .at("2026-02-06T14:17:23Z")
                    .lasting(Duration.ofMillis(40))
                    .attr("user.id", "usr_1")
                    .attr("http.response.status_code", "202"),
                span(PRODUCER_TRACE, PUBLISH)
                    .parent("00000000000000a0")
                    .name("orders publish")
                    .kind(4)
                    .at("2026-02-06T14:17:23.010Z")
                    .lasting(Duration.ofMillis(5)))));
  }

  private OtlpFileBackend open() throws IOException {
    return OtlpFileBackend.open(directory, USER_KEYS, Optional.empty(), "test files");
  }

  private static LinkQuery around(String from, String to) {
    return new LinkQuery(PRODUCER_TRACE, Instant.parse(from), Instant.parse(to), 5);
  }

  private static List<TraceRef> found(LinkSearch result) {
    assertThat(result).isInstanceOf(LinkSearch.Found.class);
    return ((LinkSearch.Found) result).traces();
  }

  @Test
  void searchLinkingTo_producerWithAConsumerInItsOwnTrace_findsTheConsumerWhole()
      throws IOException {
    producerTrace();
    write(
        "consumer.jsonl",
        line(
            resource(
                "fulfilment",
                span(CONSUMER_TRACE, "00000000000000c0")
                    .name("orders process")
                    .kind(5)
                    .at("2026-02-06T14:17:25Z")
                    .link(PRODUCER_TRACE, PUBLISH)
                    .error())));

    List<TraceRef> found =
        found(open().searchLinkingTo(around("2026-02-06T14:16:23Z", "2026-02-06T15:17:23Z")));

    assertThat(found).extracting(TraceRef::traceId).containsExactly(CONSUMER_TRACE);
    Span consumer = found.get(0).trace().orElseThrow().spans().get(0);
    assertThat(consumer.links())
        .extracting(SpanLink::traceId, SpanLink::spanId)
        .containsExactly(tuple(PRODUCER_TRACE, PUBLISH));
  }

  @Test
  void searchLinkingTo_consumerOutsideTheWindow_isLeftOut() throws IOException {
    producerTrace();
    write(
        "consumer.jsonl",
        line(
            resource(
                "fulfilment",
                span(CONSUMER_TRACE, "00000000000000c0")
                    .kind(5)
                    .at("2026-02-06T14:17:25Z")
                    .link(PRODUCER_TRACE, PUBLISH))),
        line(
            resource(
                "fulfilment",
                span(LATE_TRACE, "00000000000000d0")
                    .kind(5)
                    .at("2026-02-06T16:30:00Z")
                    .link(PRODUCER_TRACE, PUBLISH))));

    List<TraceRef> found =
        found(open().searchLinkingTo(around("2026-02-06T14:16:23Z", "2026-02-06T15:17:23Z")));

    assertThat(found).extracting(TraceRef::traceId).containsExactly(CONSUMER_TRACE);
  }

  @Test
  void searchLinkingTo_severalConsumers_newestFirstUpToTheLimit() throws IOException {
    producerTrace();
    write(
        "consumer.jsonl",
        line(
            resource(
                "fulfilment",
                span(CONSUMER_TRACE, "00000000000000c0")
                    .kind(5)
                    .at("2026-02-06T14:17:25Z")
                    .link(PRODUCER_TRACE, PUBLISH))),
        line(
            resource(
                "fulfilment",
                span(LATE_TRACE, "00000000000000d0")
                    .kind(5)
                    .at("2026-02-06T16:30:00Z")
                    .link(PRODUCER_TRACE, PUBLISH))));
    LinkQuery wide =
        new LinkQuery(
            PRODUCER_TRACE,
            Instant.parse("2026-02-06T14:00:00Z"),
            Instant.parse("2026-02-06T18:00:00Z"),
            1);

    List<TraceRef> found = found(open().searchLinkingTo(wide));

    assertThat(found).extracting(TraceRef::traceId).containsExactly(LATE_TRACE);
  }

  @Test
  void searchLinkingTo_directoryWithoutLinks_findsNothing() throws IOException {
    producerTrace();
    write(
        "consumer.jsonl",
        line(
            resource(
                "fulfilment",
                span(CONSUMER_TRACE, "00000000000000c0")
                    .name("orders process")
                    .kind(5)
                    .at("2026-02-06T14:17:25Z"))));

    LinkSearch result =
        open().searchLinkingTo(around("2026-02-06T14:00:00Z", "2026-02-06T18:00:00Z"));

    assertThat(found(result)).isEmpty();
  }

  @Test
  void searchLinkingTo_linksInsideOneTrace_areNotIndexedAsAnotherTraceLinkingIn()
      throws IOException {
    write(
        "producer.jsonl",
        line(
            resource(
                "order-svc",
                span(PRODUCER_TRACE, "00000000000000a0")
                    .at("2026-02-06T14:17:23Z")
                    .attr("user.id", "usr_1"),
                span(PRODUCER_TRACE, "00000000000000e0")
                    .at("2026-02-06T14:17:24Z")
                    .link(PRODUCER_TRACE, "00000000000000a0"))));

    LinkSearch result =
        open().searchLinkingTo(around("2026-02-06T14:00:00Z", "2026-02-06T18:00:00Z"));

    assertThat(found(result)).isEmpty();
  }
}
