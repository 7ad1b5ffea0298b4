package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanLink;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AttributePolicyTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long T0 = 1_770_387_443_000_000_000L;

  private final Redactor redactor = new Redactor();
  private final AttributePolicy defaults = AttributePolicy.defaults(redactor);

  @Test
  void filter_defaultPolicy_keepsAllowedKeysAndDropsTheRest() {
    Attributes attributes =
        Attributes.of(
            "http.request.method", "POST",
            "http.route", "/api/v1/orders",
            "http.response.status_code", "502",
            "user.id", "usr_k8x9m2",
            "enduser.id", "usr_k8x9m2",
            "http.request.header.cookie", "session=abc",
            "url.full", "https://shop.acme.io/api/v1/orders?token=abc");

    Attributes shown = defaults.filter(attributes);

    assertThat(shown.values())
        .containsOnly(
            Map.entry("http.request.method", "POST"),
            Map.entry("http.route", "/api/v1/orders"),
            Map.entry("http.response.status_code", "502"));
  }

  @Test
  void filter_allowedValueWithSecrets_isRedacted() {
    Attributes attributes =
        Attributes.of(
            "exception.message", "Card 4242 4242 4242 4242 declined for jane@acme.io",
            "url.path", "/reset/jane@acme.io",
            "server.address", "db.internal");

    Attributes shown = defaults.filter(attributes);

    assertThat(shown.values())
        .containsOnly(
            Map.entry("exception.message", "Card ••••4242 declined for [email]"),
            Map.entry("url.path", "/reset/[email]"),
            Map.entry("server.address", "db.internal"));
  }

  @Test
  void apply_spanLinks_keepTheirIdsAndOnlyAllowedRedactedAttributes() {
    SpanLink link =
        new SpanLink(
            "0af7651916cd43dd8448eb211c80319c",
            "00f067aa0ba902b7",
            Attributes.of(
                "messaging.system",
                "kafka",
                "user.id",
                "usr_k8x9m2",
                "exception.message",
                "no stock for jane@acme.io"));
    Span consumer =
        new Span(
            TRACE_ID,
            "0000000000000007",
            "",
            "fulfilment",
            "orders process",
            SpanKind.CONSUMER,
            T0,
            1_000,
            SpanStatus.UNSET,
            Attributes.empty(),
            List.of(),
            List.of(link));

    Span shown = defaults.apply(consumer);

    assertThat(shown.links())
        .containsExactly(
            new SpanLink(
                "0af7651916cd43dd8448eb211c80319c",
                "00f067aa0ba902b7",
                Attributes.of(
                    "messaging.system", "kafka", "exception.message", "no stock for [email]")));
  }

  @Test
  void allows_prefixPattern_matchesKeysUnderThePrefixOnly() {
    AttributePolicy policy = new AttributePolicy(List.of("http.*", "db.system.name"), redactor);

    assertThat(policy.allows("http.request.method")).isTrue();
    assertThat(policy.allows("http.response.status_code")).isTrue();
    assertThat(policy.allows("db.system.name")).isTrue();
    assertThat(policy.allows("https.port")).isFalse();
    assertThat(policy.allows("http")).isFalse();
    assertThat(policy.allows("db.system")).isFalse();
  }

  @Test
  void allows_star_allowsEveryKeyButStillRedacts() {
    AttributePolicy policy = new AttributePolicy(List.of("*"), redactor);

    Attributes shown = policy.filter(Attributes.of("enduser.id", "jane@acme.io"));

    assertThat(policy.allows("anything.at.all")).isTrue();
    assertThat(shown.values()).containsOnly(Map.entry("enduser.id", "[email]"));
  }

  @Test
  void allows_defaultPolicy_refusesUserIds() {
    assertThat(defaults.allows("user.id")).isFalse();
    assertThat(defaults.allows("enduser.id")).isFalse();
    assertThat(defaults.allows("http.route")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "http*", "*.method", "http.*.method", ".*", "**"})
  void constructor_malformedEntry_isRefused(String entry) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AttributePolicy(List.of(entry), redactor))
        .withMessageContaining("must be a key, a prefix ending in .*, or *");
  }

  @Test
  void apply_span_redactsNameStatusAndEventsAndFiltersAttributes() {
    SpanEvent exception =
        new SpanEvent(
            "exception",
            T0 + 5,
            Attributes.of(
                "exception.type", "java.sql.SQLException",
                "exception.message",
                    "Connection to postgres://app:s3cr3t@db.internal:5432/orders refused",
                "exception.stacktrace",
                    "java.sql.SQLException: password=hunter2\n\tat dev.acme.Db.open(Db.java:42)",
                "user.id", "usr_k8x9m2"));
    Span span =
        new Span(
            TRACE_ID,
            "00f067aa0ba902b7",
            "",
            "payment-svc",
            "GET /users/jane@acme.io",
            SpanKind.SERVER,
            T0,
            1_000,
            SpanStatus.error("token=abc123 rejected"),
            Attributes.of("http.route", "/users/{email}", "user.id", "usr_k8x9m2"),
            List.of(exception));

    Span shown = defaults.apply(span);

    assertThat(shown.name()).isEqualTo("GET /users/[email]");
    assertThat(shown.status()).isEqualTo(SpanStatus.error("token=[redacted] rejected"));
    assertThat(shown.attributes().values()).containsOnly(Map.entry("http.route", "/users/{email}"));
    assertThat(shown.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.isException()).isTrue();
              assertThat(event.epochNanos()).isEqualTo(T0 + 5);
              assertThat(event.attributes().values())
                  .containsOnly(
                      Map.entry("exception.type", "java.sql.SQLException"),
                      Map.entry(
                          "exception.message",
                          "Connection to postgres://app:[redacted]@db.internal:5432/orders"
                              + " refused"),
                      Map.entry(
                          "exception.stacktrace",
                          "java.sql.SQLException: password=[redacted]\n"
                              + "\tat dev.acme.Db.open(Db.java:42)"));
            });
  }

  @Test
  void apply_span_keepsIdentityTimingAndKind() {
    Span span =
        new Span(
            TRACE_ID,
            "00f067aa0ba902b7",
            "53995c3f42cd8ad8",
            "checkout",
            "charge",
            SpanKind.CLIENT,
            T0,
            2_500,
            SpanStatus.UNSET,
            Attributes.empty(),
            List.of());

    Span shown = defaults.apply(span);

    assertThat(shown).isEqualTo(span);
  }

  @Test
  void apply_trace_appliesToEverySpan() {
    Span root =
        new Span(
            TRACE_ID,
            "0000000000000001",
            "",
            "gateway",
            "POST /orders",
            SpanKind.SERVER,
            T0,
            9_000,
            SpanStatus.UNSET,
            Attributes.of("user.id", "usr_k8x9m2", "http.route", "/orders"),
            List.of());
    Span child =
        new Span(
            TRACE_ID,
            "0000000000000002",
            "0000000000000001",
            "payment-svc",
            "charge",
            SpanKind.CLIENT,
            T0 + 10,
            5_000,
            SpanStatus.error("card 4111111111111111 declined"),
            Attributes.of("enduser.id", "jane@acme.io"),
            List.of());

    Trace shown = defaults.apply(new Trace(TRACE_ID, List.of(root, child)));

    assertThat(shown.traceId()).isEqualTo(TRACE_ID);
    assertThat(shown.spans())
        .extracting(Span::spanId)
        .containsExactly("0000000000000001", "0000000000000002");
    assertThat(shown.spans().get(0).attributes().values())
        .containsOnly(Map.entry("http.route", "/orders"));
    assertThat(shown.spans().get(1).attributes().isEmpty()).isTrue();
    assertThat(shown.spans().get(1).status().message()).isEqualTo("card ••••1111 declined");
  }
}
