package dev.tracelookup.lookup;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.tracelookup.trace.TestSpans.span;
import static dev.tracelookup.trace.TestSpans.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.trace.TraceAnalyzer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Copies for a channel, through the presenter: the ID goes from every path, and only there. */
final class ChannelCopiesTest {
  private static final String CUSTOMER = "usr_k8x9m2";
  private static final UserIdFingerprint FINGERPRINTS =
      new UserIdFingerprint(
          "test fingerprint key, 32 bytes!!".getBytes(StandardCharsets.US_ASCII), "a test key");
  private static final UserIdHasher HASHER =
      UserIdHasher.hmac("k3y".getBytes(StandardCharsets.UTF_8), UserIdHasher.Format.HEX, "h:");
  private static final String STORED = HASHER.stored(CUSTOMER);

  private final ChannelCopies copies = new ChannelCopies(FINGERPRINTS, HASHER, false);
  private final LookupPresenter presenter =
      new LookupPresenter(new CardRenderer(), "Tempo", copies);

  private static LookupRequest request() {
    TimeWindow window =
        new TimeWindow(
            Instant.parse("2026-02-06T14:00:00Z"),
            Instant.parse("2026-02-06T14:30:00Z"),
            ZoneOffset.UTC,
            "test");
    return new LookupRequest(CUSTOMER, window, Optional.empty(), Optional.empty(), false);
  }

  /** Services that store a keyed hash put the hash, and sometimes the raw ID, in their texts. */
  private static LookupOutcome.Found found() {
    TraceCard card =
        new TraceCard(
            TraceAnalyzer.analyze(
                trace(
                    span("a")
                        .server()
                        .name("POST /carts/" + STORED)
                        .http(500)
                        .attribute("user.id", STORED)
                        .build(),
                    span("b")
                        .parent("a")
                        .client()
                        .name("GET /users/" + CUSTOMER)
                        .http(502)
                        .error("no profile for " + STORED)
                        .attribute("server.address", "profiles")
                        .build())),
            Optional.of("https://grafana.example/explore?user=" + CUSTOMER));
    return new LookupOutcome.Found(
        request(), List.of(card), 1, List.of("partial results for " + CUSTOMER), false);
  }

  @Test
  void present_sharedCard_holdsNeitherTheTypedIdNorItsStoredHash() {
    SlackMessage shared = presenter.present(found(), ZoneOffset.UTC, Audience.channel("U0AGENT"));

    assertThat(shared.toJson().toLowerCase(Locale.ROOT))
        .doesNotContain(CUSTOMER)
        .doesNotContain(STORED.substring(2))
        .doesNotContain("grafana.example");
    assertThat(shared.toJson())
        .contains("customer " + FINGERPRINTS.of(CUSTOMER))
        .contains("POST /carts/[customer]")
        .contains("GET /users/[customer]")
        .contains("partial results for [customer]");
  }

  @Test
  void present_privateAnswer_keepsTheIdForTheAgent() {
    SlackMessage answer = presenter.present(found(), ZoneOffset.UTC, Audience.agent(false));

    assertThat(answer.toJson())
        .contains("Traces for " + CUSTOMER)
        .contains("GET /users/" + CUSTOMER)
        .contains("grafana.example");
  }

  @Test
  void present_sharedCard_leavesTheCachedAnalysisUntouched() {
    LookupOutcome.Found found = found();

    presenter.present(found, ZoneOffset.UTC, Audience.channel("U0AGENT"));

    assertThat(found.traces().get(0).analysis().summary().rootName())
        .isEqualTo("POST /carts/" + STORED);
  }

  @Test
  void present_sharedFailureOrNothingFound_namesTheCustomerByFingerprintOnly() {
    LookupOutcome failed =
        new LookupOutcome.Failed(
            request(),
            BackendFailure.of(BackendFailure.Kind.TIMEOUT, "Tempo", "no answer for " + CUSTOMER));
    LookupOutcome nothing =
        new LookupOutcome.NoTraces(request(), List.of("Tempo skipped blocks of " + CUSTOMER));

    String failure =
        presenter.present(failed, ZoneOffset.UTC, Audience.channel("U0AGENT")).toJson();
    String none = presenter.present(nothing, ZoneOffset.UTC, Audience.channel("U0AGENT")).toJson();

    assertThat(failure).doesNotContain(CUSTOMER);
    assertThat(none).doesNotContain(CUSTOMER).contains("customer " + FINGERPRINTS.of(CUSTOMER));
  }

  /**
   * The last layer: whatever a renderer put in the message, text, blocks, values and links lose the
   * ID.
   */
  @Test
  void guarded_idLeftByARenderer_isMaskedInEveryStringSlackWouldGet() {
    SlackMessage leaky =
        new SlackMessage(
            "for " + CUSTOMER,
            List.of(
                section(
                    s ->
                        s.text(markdownText("*" + CUSTOMER.toUpperCase(Locale.ROOT) + "* failed"))),
                actions(
                    List.of(
                        button(
                            b ->
                                b.text(plainText("Open"))
                                    .actionId("open_trace")
                                    .value(STORED)
                                    .url("https://ui.example/u/" + CUSTOMER))))));

    SlackMessage guarded = copies.of(request()).guarded(leaky);

    assertThat(guarded.toJson().toLowerCase(Locale.ROOT))
        .doesNotContain(CUSTOMER)
        .doesNotContain(STORED);
    assertThat(guarded.text()).isEqualTo("for [customer]");
    assertThat(guarded.blocks()).hasSize(2);
    assertThat(guarded.toJson())
        .contains("*[customer]* failed")
        .contains("https://ui.example/u/[customer]");
  }

  @Test
  void guarded_cleanMessage_isPassedOnAsItIs() {
    SlackMessage clean =
        new SlackMessage("for customer u:1", List.of(section(s -> s.text(markdownText("ok")))));

    assertThat(copies.of(request()).guarded(clean)).isSameAs(clean);
  }
}
