package dev.tracelookup.incidents;

import static dev.tracelookup.incidents.TestIncidents.failure;
import static dev.tracelookup.incidents.TestIncidents.gatewaySignature;
import static dev.tracelookup.incidents.TestIncidents.ongoing;
import static dev.tracelookup.incidents.TestIncidents.resolved;
import static dev.tracelookup.incidents.TestIncidents.withSignature;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class IncidentMatcherTest {
  private static final Incident GATEWAY = resolved("INC-4521", "14:12", "14:25", "payment-svc");
  private final IncidentMatcher strict = new IncidentMatcher(Duration.ZERO, Duration.ZERO);
  private final IncidentMatcher lenient =
      new IncidentMatcher(Duration.ofMinutes(15), Duration.ofMinutes(5));

  @Test
  void judge_aSecondBeforeStartWithoutMargin_doesNotMatch() {
    assertThat(strict.judge(GATEWAY, ServiceMapping.identity(), failure("14:11:59", "payment-svc")))
        .isEmpty();
  }

  @Test
  void judge_exactlyAtStartAndAtResolution_matchInsideTheWindow() {
    Optional<IncidentMatcher.Candidate> atStart =
        strict.judge(GATEWAY, ServiceMapping.identity(), failure("14:12", "payment-svc"));
    Optional<IncidentMatcher.Candidate> atEnd =
        strict.judge(GATEWAY, ServiceMapping.identity(), failure("14:25", "payment-svc"));

    assertThat(atStart)
        .hasValueSatisfying(candidate -> assertThat(candidate.insideWindow()).isTrue());
    assertThat(atEnd)
        .hasValueSatisfying(candidate -> assertThat(candidate.insideWindow()).isTrue());
  }

  @Test
  void judge_aSecondAfterResolutionWithoutMargin_doesNotMatch() {
    assertThat(strict.judge(GATEWAY, ServiceMapping.identity(), failure("14:25:01", "payment-svc")))
        .isEmpty();
  }

  @Test
  void judge_withinDeclaredLateMargin_matchesOutsideTheWindow() {
    Optional<IncidentMatcher.Candidate> early =
        lenient.judge(GATEWAY, ServiceMapping.identity(), failure("13:57", "payment-svc"));

    assertThat(early)
        .hasValueSatisfying(candidate -> assertThat(candidate.insideWindow()).isFalse());
  }

  @Test
  void judge_pastEitherMargin_doesNotMatch() {
    assertThat(
            lenient.judge(GATEWAY, ServiceMapping.identity(), failure("13:56:59", "payment-svc")))
        .isEmpty();
    assertThat(
            lenient.judge(GATEWAY, ServiceMapping.identity(), failure("14:30:01", "payment-svc")))
        .isEmpty();
  }

  @Test
  void judge_withinResolvedEarlyMargin_matches() {
    assertThat(lenient.judge(GATEWAY, ServiceMapping.identity(), failure("14:30", "payment-svc")))
        .isPresent();
  }

  @Test
  void judge_ongoingIncident_matchesAnyLaterFailure() {
    Incident outage = ongoing("INC-9", "14:12", "payment-svc");

    Optional<IncidentMatcher.Candidate> later =
        strict.judge(outage, ServiceMapping.identity(), failure("23:59:59", "payment-svc"));

    assertThat(later)
        .hasValueSatisfying(candidate -> assertThat(candidate.insideWindow()).isTrue());
    assertThat(strict.judge(outage, ServiceMapping.identity(), failure("14:11:59", "payment-svc")))
        .isEmpty();
  }

  @Test
  void judge_serviceAndSignature_isSignatureConfidence() {
    Incident known = withSignature(GATEWAY, gatewaySignature());

    assertThat(confidence(known, ServiceMapping.identity(), "order-svc", "payment-svc"))
        .isEqualTo(Confidence.SIGNATURE);
  }

  @Test
  void judge_serviceWithoutSignature_isServiceConfidence() {
    assertThat(confidence(GATEWAY, ServiceMapping.identity(), "payment-svc"))
        .isEqualTo(Confidence.SERVICE);
  }

  @Test
  void judge_signatureWithoutService_isTimeOnly() {
    Incident elsewhere =
        withSignature(resolved("INC-7", "14:00", "14:30", "search-svc"), gatewaySignature());

    assertThat(confidence(elsewhere, ServiceMapping.identity(), "order-svc"))
        .isEqualTo(Confidence.TIME_ONLY);
  }

  @Test
  void judge_serviceMatchedThroughMapping_isServiceConfidence() {
    Incident component = resolved("sp-1", "14:12", "14:25", "Payments API");
    ServiceMapping mapping = ServiceMapping.of(Map.of("payment-svc", List.of("payments api")));

    assertThat(confidence(component, mapping, "payment-svc")).isEqualTo(Confidence.SERVICE);
    assertThat(confidence(component, ServiceMapping.identity(), "payment-svc"))
        .isEqualTo(Confidence.TIME_ONLY);
  }

  /**
   * Five incidents around a 14:17 payment failure; the card shows three.
   *
   * <pre>
   * INC-1 search-svc   14:00–14:40         time only
   * INC-2 payment-svc  14:18–14:30         service, in the declared-late margin only
   * INC-3 payment-svc  14:12–14:25         service, inside
   * INC-4 payment-svc  14:16–14:25 + sig   signature
   * INC-5 order-svc    14:15–14:20         service, inside, nearer start than INC-3
   * </pre>
   */
  @Test
  void best_severalCandidates_rankedByConfidenceThenWindowThenNearestStart() {
    List<Incident> incidents =
        List.of(
            resolved("INC-1", "14:00", "14:40", "search-svc"),
            resolved("INC-2", "14:18", "14:30", "payment-svc"),
            resolved("INC-3", "14:12", "14:25", "payment-svc"),
            withSignature(resolved("INC-4", "14:16", "14:25", "payment-svc"), gatewaySignature()),
            resolved("INC-5", "14:15", "14:20", "order-svc"));
    List<IncidentMatcher.Candidate> candidates = new ArrayList<>();
    for (Incident incident : incidents) {
      lenient
          .judge(
              incident, ServiceMapping.identity(), failure("14:17:23", "order-svc", "payment-svc"))
          .ifPresent(candidates::add);
    }

    List<IncidentMatch> best = IncidentMatcher.best(candidates, IncidentReport.MAX_MATCHES);

    assertThat(best)
        .extracting(match -> match.incident().id())
        .containsExactly("INC-4", "INC-5", "INC-3");
    assertThat(best)
        .extracting(IncidentMatch::confidence)
        .containsExactly(Confidence.SIGNATURE, Confidence.SERVICE, Confidence.SERVICE);
  }

  private Confidence confidence(Incident incident, ServiceMapping mapping, String... services) {
    return lenient
        .judge(incident, mapping, failure("14:17:23", services))
        .orElseThrow()
        .match()
        .confidence();
  }
}
