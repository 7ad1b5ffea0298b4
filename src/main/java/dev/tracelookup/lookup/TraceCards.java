package dev.tracelookup.lookup;

import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.privacy.AttributePolicy;
import dev.tracelookup.trace.AnalysedKeys;
import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns traces into cards: redacted, analysed, linked to the backend's UI.
 *
 * <p>Redaction comes before analysis, so nothing a card, the JSON API or a reply draft shows can
 * carry an email, a card number or a secret from a span name, status or exception message. The
 * allow-list keeps the attributes the analysis itself reads (failure flags, HTTP status, the called
 * service).
 */
final class TraceCards {

  private final AttributePolicy policy;

  /** Cards that show what {@code shown} allows, and the attributes the analysis reads. */
  TraceCards(AttributePolicy shown) {
    this.policy = shown.plus(AnalysedKeys.all());
  }

  /**
   * Returns the cards of the traces, in the order given; {@link TraceRanking} orders them.
   *
   * @param linked each trace's linked traces, by its ID (see {@link LinkedTraces})
   */
  List<TraceCard> cards(List<Trace> traces, Map<String, List<Trace>> linked, TraceBackend backend) {
    List<TraceCard> cards = new ArrayList<>(traces.size());
    for (Trace trace : traces) {
      if (!trace.spans().isEmpty()) {
        cards.add(card(trace, linked.getOrDefault(trace.traceId(), List.of()), backend));
      }
    }
    return cards;
  }

  /** Linked traces are redacted like the trace itself before the analysis reads them. */
  TraceCard card(Trace trace, List<Trace> linked, TraceBackend backend) {
    TraceAnalysis analysis =
        TraceAnalyzer.analyze(policy.apply(trace), linked.stream().map(policy::apply).toList());
    // A culprit in a linked trace is not a span of this trace: the link then opens the trace
    // unfocused.
    Optional<String> culprit =
        analysis
            .errorPath()
            .map(ErrorPath::culprit)
            .map(step -> step.span())
            .filter(span -> span.traceId().equals(trace.traceId()))
            .map(span -> span.spanId());
    return new TraceCard(analysis, backend.traceUrl(trace.traceId(), culprit));
  }
}
