package dev.tracelookup.render;

import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.Recovery;
import dev.tracelookup.trace.RemotePeer;
import dev.tracelookup.trace.ResponseStatus;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceSummary;
import dev.tracelookup.trace.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sentences a card says about a verdict: the headline (what the customer saw), the culprit in a
 * few words for list rows, and what was recovered or linked along the way.
 */
final class VerdictText {
  static final String FAILED = "❌";
  static final String REFUSED = "⛔";
  static final String GIVEN_UP = "⏱️";
  static final String SUCCEEDED = "✅";
  static final String RECOVERED = "🔁";
  private static final int MAX_REASON = 160;
  private static final int MAX_BRIEF_REASON = 60;

  private VerdictText() {}

  /** Returns the marker of a verdict in a list: failed, refused, recovered or succeeded. */
  static String marker(Verdict verdict) {
    switch (verdict.kind()) {
      case FAILED:
        return verdict.givenUp() ? GIVEN_UP : FAILED;
      case REFUSED:
        return REFUSED;
      case RECOVERED:
        return RECOVERED;
      default:
        return SUCCEEDED;
    }
  }

  /**
   * Returns what the customer saw, in one line: {@code ❌ Failed: POST /api/v1/orders answered 500
   * Internal Server Error after 1.9 s}.
   */
  static String headline(TraceAnalysis analysis) {
    TraceSummary summary = analysis.summary();
    Verdict verdict = summary.verdict();
    String entry = Texts.clip(summary.rootName(), SpanLabels.MAX_NAME);
    String took = DurationFormat.brief(summary.duration());
    String line;
    switch (verdict.kind()) {
      case FAILED:
        line = failed(analysis, verdict, entry, took);
        break;
      case REFUSED:
        line = REFUSED + " Refused: " + entry + " answered " + answer(verdict) + reason(analysis);
        break;
      case RECOVERED:
        line = recovered(verdict, entry);
        break;
      default:
        line = SUCCEEDED + " Succeeded: " + entry + answered(verdict) + " in " + took;
    }
    return verdict.entryMissing()
        ? line + " (the entry span is missing: judged from the spans that arrived)"
        : line;
  }

  private static String failed(TraceAnalysis analysis, Verdict verdict, String entry, String took) {
    boolean consumer =
        analysis.errorPath().map(p -> p.entry().span().kind() == SpanKind.CONSUMER).orElse(false);
    if (consumer) {
      return FAILED + " Background work failed: " + entry + reason(analysis);
    }
    if (verdict.asynchronous()) {
      return FAILED
          + " Failed after it was accepted: "
          + entry
          + answered(verdict)
          + ", then the work it queued failed"
          + reason(analysis);
    }
    if (verdict.givenUp()) {
      boolean clientLeft =
          verdict.response().map(r -> r.equals(ResponseStatus.http(499))).orElse(false);
      if (clientLeft) {
        return GIVEN_UP
            + " Timed out: the customer gave up waiting for "
            + entry
            + " after "
            + took
            + " (499)";
      }
      return GIVEN_UP
          + " Timed out: "
          + entry
          + (verdict.response().isPresent() ? answered(verdict) : " gave up")
          + " after "
          + took;
    }
    return FAILED
        + " Failed: "
        + entry
        + (verdict.response().isPresent() ? answered(verdict) : " ended in an error")
        + " after "
        + took
        + reason(analysis);
  }

  private static String recovered(Verdict verdict, String entry) {
    String head = SUCCEEDED + " Succeeded";
    if (!verdict.recoveries().isEmpty()) {
      Recovery first = verdict.recoveries().get(0);
      String call = call(first.span());
      String why = recoveryReason(first);
      head +=
          first.how() == Recovery.How.RETRIED
              ? " after retrying " + call + " (" + why + ")"
              : " despite " + call + " failing (" + why + ")";
      int more = verdict.recoveries().size() - 1;
      if (more > 0) {
        head += " and " + more + " more";
      }
    }
    return head + ": " + entry + answered(verdict);
  }

  /**
   * Returns {@code TimeoutError ×2} or {@code 503 Service Unavailable}: why a call failed, and how
   * often.
   */
  static String recoveryReason(Recovery recovery) {
    String why =
        recovery
            .exception()
            .map(VerdictText::shortException)
            .filter(t -> !t.isBlank())
            .or(() -> recovery.response().map(SpanLabels::response))
            .orElseGet(() -> statusMessageOr(recovery.span(), "error"));
    return why + (recovery.failures() > 1 ? " ×" + recovery.failures() : "");
  }

  /**
   * Returns {@code answered 500 Internal Server Error}, or nothing when the entry gave no status.
   */
  private static String answered(Verdict verdict) {
    return verdict.response().map(r -> " answered " + SpanLabels.response(r)).orElse("");
  }

  private static String answer(Verdict verdict) {
    return verdict.response().map(SpanLabels::response).orElse("a refusal");
  }

  /**
   * Returns {@code : CardDeclinedException: insufficient funds}, the culprit's reason, or nothing.
   */
  private static String reason(TraceAnalysis analysis) {
    return analysis
        .errorPath()
        .map(ErrorPath::culprit)
        .flatMap(VerdictText::why)
        .map(why -> ": " + Texts.clip(why, MAX_REASON))
        .orElse("");
  }

  /** Returns the culprit's exception, else its status message, else empty. */
  static Optional<String> why(PathStep culprit) {
    Optional<String> exception =
        culprit.exception().map(SpanLabels::exception).filter(t -> !t.isEmpty());
    return exception.isPresent()
        ? exception
        : Optional.of(SpanLabels.statusMessage(culprit.span())).filter(t -> !t.isEmpty());
  }

  /**
   * Returns the culprit in a few words for a list row: {@code payment-svc: ConnectionRefusedError},
   * {@code report-svc: SELECT report took 30.9 s}, {@code recovered: GET redis (TimeoutError ×2)}.
   */
  static String brief(TraceAnalysis analysis) {
    Verdict verdict = analysis.verdict();
    if (verdict.kind() == Verdict.Kind.RECOVERED && !verdict.recoveries().isEmpty()) {
      Recovery first = verdict.recoveries().get(0);
      return "recovered: "
          + Texts.clip(first.span().name(), MAX_BRIEF_REASON)
          + " ("
          + recoveryReason(first)
          + ")";
    }
    if (analysis.errorPath().isEmpty()) {
      return "";
    }
    ErrorPath path = analysis.errorPath().get();
    PathStep culprit = path.culprit();
    String service = Texts.clip(failedService(culprit.span()), SpanLabels.MAX_NAME);
    String why;
    if (path.tookTheTime()) {
      why =
          Texts.clip(culprit.span().name(), MAX_BRIEF_REASON)
              + " took "
              + DurationFormat.brief(culprit.span().duration());
    } else {
      why =
          culprit
              .exception()
              .map(VerdictText::shortException)
              .filter(t -> !t.isBlank())
              .or(() -> culprit.response().filter(r -> !r.isSuccess()).map(SpanLabels::response))
              .orElseGet(
                  () ->
                      statusMessageOr(
                          culprit.span(),
                          Texts.clip(culprit.span().name(), MAX_BRIEF_REASON) + " failed"));
    }
    return service + ": " + Texts.clip(why, MAX_BRIEF_REASON);
  }

  /**
   * Returns notes the reader needs beside the path: a partial trace, the trigger of a consumer
   * trace, linked traces read in, and errors recovered on the way to a failure.
   */
  static List<String> notes(TraceAnalysis analysis) {
    List<String> notes = new ArrayList<>();
    analysis
        .trigger()
        .ifPresent(
            trigger ->
                notes.add(
                    "Started by a message from "
                        + SpanLabels.withService(
                            Texts.clip(trigger.service(), SpanLabels.MAX_NAME),
                            Texts.clip(trigger.name(), SpanLabels.MAX_NAME))
                        + " (trace "
                        + Texts.shortId(trigger.traceId())
                        + ")"
                        + trigger
                            .response()
                            .map(r -> ", which answered " + SpanLabels.response(r))
                            .orElse("")));
    if (analysis.linkedTraces() > 0) {
      notes.add(
          "Includes "
              + TraceViews.count(analysis.linkedTraces(), "linked trace")
              + " of work this request queued (followed through span links)");
    }
    Verdict verdict = analysis.verdict();
    if (verdict.isFailure() && !verdict.recoveries().isEmpty()) {
      Recovery first = verdict.recoveries().get(0);
      notes.add(
          "Recovered on the way, not the cause: "
              + call(first.span())
              + " ("
              + recoveryReason(first)
              + ")"
              + (verdict.recoveries().size() > 1
                  ? " and " + (verdict.recoveries().size() - 1) + " more"
                  : ""));
    }
    return notes;
  }

  /** Returns {@code order-svc → payment-svc · POST}: the call, naming whom it called. */
  static String call(Span span) {
    String name = Texts.clip(span.name(), SpanLabels.MAX_NAME);
    return SpanLabels.withService(callerAndCallee(span), name);
  }

  /** Returns "caller → callee" for a call, else the span's own service. */
  static String callerAndCallee(Span span) {
    String own = Texts.clip(span.service(), SpanLabels.MAX_NAME);
    return RemotePeer.of(span)
        .filter(peer -> !peer.equals(span.service()))
        .map(peer -> own + " → " + Texts.clip(peer, SpanLabels.MAX_NAME))
        .orElse(own);
  }

  /** Returns the service that failed: the one called, for a call, else the span's own. */
  private static String failedService(Span span) {
    return RemotePeer.of(span)
        .filter(peer -> span.kind() == SpanKind.CLIENT)
        .orElse(span.service());
  }

  private static String statusMessageOr(Span span, String fallback) {
    String message = Texts.clip(span.status().message(), MAX_BRIEF_REASON);
    return message.isEmpty() ? fallback : message;
  }

  /** Returns the exception's simple type, or its message when it has no type, clipped. */
  private static String shortException(ExceptionInfo exception) {
    return exception.type().isBlank()
        ? Texts.clip(exception.message(), MAX_BRIEF_REASON)
        : simpleType(exception.type());
  }

  /** Returns {@code SocketTimeoutException} for {@code java.net.SocketTimeoutException}. */
  static String simpleType(String type) {
    String trimmed = type.trim();
    int dot = trimmed.lastIndexOf('.');
    return dot >= 0 && dot < trimmed.length() - 1 ? trimmed.substring(dot + 1) : trimmed;
  }
}
