package dev.tracelookup.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanOutcome;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built render inputs. Fixed IDs and times: use them only in unit tests.
 *
 * <p>{@link #writeUp()} is the failing order of the original write-up:
 *
 * <pre>
 * POST /api/v1/orders → 500                          (entry)
 *   ✅ order.validate
 *   ✅ inventory.check_stock
 *   ❌ payment.process_charge
 *      ❌ POST payment-svc/charge → 502 Bad Gateway  (culprit)
 *         ConnectionRefusedError: payment gateway timeout
 * </pre>
 */
final class RenderFixtures {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final Instant TRACE_START = Instant.parse("2026-02-06T14:17:23.120Z");
  static final Instant WINDOW_FROM = Instant.parse("2026-02-06T14:00:00Z");
  static final Instant WINDOW_TO = Instant.parse("2026-02-06T14:30:00Z");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final String UI_URL = "https://grafana.example.com/explore?traceId=" + TRACE_ID;
  static final String SERVICE = "payment-svc";

  /** The write-up's lines, exactly as both renderers must print them. */
  static final List<String> WRITE_UP_LINES =
      List.of(
          "Trace 4bf92f35… · 2026-02-06 14:17:23 UTC · 1.9 s · POST /api/v1/orders → 500",
          "  ✅ order.validate",
          "  ✅ inventory.check_stock",
          "  ❌ payment.process_charge",
          "     ❌ POST payment-svc/charge → 502 Bad Gateway",
          "        ConnectionRefusedError: payment gateway timeout",
          "Root cause: payment-svc · POST payment-svc/charge → 502 Bad Gateway: "
              + "ConnectionRefusedError: payment gateway timeout (14:17:23 UTC)");

  /** What the customer saw in the write-up's trace: the card's first line. */
  static final String WRITE_UP_HEADLINE =
      "❌ Failed: POST /api/v1/orders answered 500 Internal Server Error after 1.9 s: "
          + "ConnectionRefusedError: payment gateway timeout";

  private RenderFixtures() {}

  static ShownTrace writeUp() {
    Span entry = span("00000000000000e1", "", "POST /api/v1/orders", SpanKind.SERVER, 0, 1_900);
    Span charge =
        span(
            "00000000000000c1",
            "00000000000000e1",
            "payment.process_charge",
            SpanKind.INTERNAL,
            400,
            1_400);
    Span call =
        span(
            "00000000000000c2",
            "00000000000000c1",
            "POST payment-svc/charge",
            SpanKind.CLIENT,
            450,
            1_300);
    ExceptionInfo refused =
        new ExceptionInfo("ConnectionRefusedError", "payment gateway timeout", List.of());
    ErrorPath path =
        new ErrorPath(
            List.of(
                step(
                    entry,
                    500,
                    Optional.empty(),
                    List.of(
                        ok("00000000000000a1", "order.validate"),
                        ok("00000000000000a2", "inventory.check_stock"),
                        failed("00000000000000c1", "payment.process_charge", 0))),
                step(
                    charge,
                    0,
                    Optional.empty(),
                    List.of(failed("00000000000000c2", "POST payment-svc/charge", 502))),
                step(call, 502, Optional.of(refused), List.of())),
            0,
            List.of(),
            false);
    return card(
        summary(TRACE_ID, TRACE_START, 1_900, "POST /api/v1/orders", 500, 5, 3), path, UI_URL);
  }

  /** Returns the write-up card content: the failing trace between two good ones. */
  static CardContent writeUpContent() {
    List<ShownTrace> traces = List.of(okTrace(1), writeUp(), okTrace(2));
    return content(traces, traces.size());
  }

  static CardContent content(List<ShownTrace> traces, int totalMatched) {
    return new CardContent(
        "usr_k8x9m2",
        WINDOW_FROM,
        WINDOW_TO,
        NEW_YORK,
        "Tempo",
        traces,
        totalMatched,
        "",
        List.of(),
        false,
        List.of(
            new IncidentNote(
                "Matches known incident: INC-4521 \"Payment gateway unreachable\" · resolved",
                Optional.of("https://status.example.com/incidents/INC-4521"))),
        Optional.of(CardActions.privateAnswer("tok", false).withReply(TRACE_ID)));
  }

  /** Returns a trace without failures, its ID ending in {@code n}. */
  static ShownTrace okTrace(int n) {
    String id = String.format("%032x", 0xabc000L + n);
    TraceSummary summary =
        summary(id, WINDOW_FROM.plusSeconds(60L * n), 240, "GET /api/v1/cart", 200, 3, 0);
    return new ShownTrace(new TraceAnalysis(summary, Optional.empty()), Optional.empty());
  }

  static ShownTrace card(TraceSummary summary, ErrorPath path, String uiUrl) {
    return new ShownTrace(
        new TraceAnalysis(summary, Optional.of(path)), Optional.ofNullable(uiUrl));
  }

  static TraceSummary summary(
      String id, Instant start, long millis, String rootName, int status, int spans, int failing) {
    return new TraceSummary(
        id, start, Duration.ofMillis(millis), SERVICE, rootName, status, spans, failing);
  }

  /** Returns a failing step, as every step of an error path is. */
  static PathStep step(
      Span span, int status, Optional<ExceptionInfo> exception, List<SpanOutcome> children) {
    return new PathStep(span, true, status, exception, children, 0);
  }

  static Span span(
      String id, String parent, String name, SpanKind kind, long offsetMillis, long millis) {
    return span(id, parent, SERVICE, name, kind, offsetMillis, millis);
  }

  static Span span(
      String id,
      String parent,
      String service,
      String name,
      SpanKind kind,
      long offsetMillis,
      long millis) {
    long start = TRACE_START.plusMillis(offsetMillis).toEpochMilli() * 1_000_000;
    return new Span(
        TRACE_ID,
        id,
        parent,
        service,
        name,
        kind,
        start,
        millis * 1_000_000,
        SpanStatus.UNSET,
        Attributes.empty(),
        List.of());
  }

  static SpanOutcome ok(String id, String name) {
    return new SpanOutcome(id, SERVICE, name, false, 0);
  }

  static SpanOutcome failed(String id, String name, int status) {
    return new SpanOutcome(id, SERVICE, name, true, status);
  }

  /**
   * Returns a path of {@code depth} steps, each with {@code siblings} children around the next step
   * and every name {@code nameLength} characters long: a trace of many thousand spans.
   */
  static ErrorPath hugePath(int depth, int siblings, int nameLength) {
    List<PathStep> steps = new ArrayList<>();
    for (int d = 0; d < depth; d++) {
      String id = String.format("%016x", d + 1);
      String nextId = String.format("%016x", d + 2);
      List<SpanOutcome> children = new ArrayList<>();
      for (int c = 0; c < siblings; c++) {
        children.add(
            new SpanOutcome(
                String.format("%08x%08x", d, c),
                "svc-" + c,
                name("sibling", c, nameLength),
                c % 7 == 0,
                200));
        if (c == siblings / 2 && d + 1 < depth) {
          children.add(
              new SpanOutcome(nextId, "svc-" + d, name("step", d + 1, nameLength), true, 500));
        }
      }
      Span span =
          span(
              id,
              d == 0 ? "" : String.format("%016x", d),
              "svc-" + d,
              name("step", d, nameLength),
              SpanKind.SERVER,
              d,
              10);
      Optional<ExceptionInfo> exception =
          d == depth - 1
              ? Optional.of(
                  new ExceptionInfo("DeepError", "culprit at depth " + d, frames(20, nameLength)))
              : Optional.empty();
      steps.add(new PathStep(span, true, 500, exception, children, 400));
    }
    return new ErrorPath(steps, 12, List.of("00000000000000ff"), true);
  }

  static List<String> frames(int count, int length) {
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(name("at com.example.Frame" + i + ".run(Frame.java:" + i + ")", i, length));
    }
    return frames;
  }

  private static String name(String prefix, int n, int length) {
    String base = prefix + "-" + n + "-";
    return base + "x".repeat(Math.max(0, length - base.length()));
  }

  /** Returns every text string of the message (fallback, text objects), in document order. */
  static List<String> texts(SlackMessage message) {
    List<String> texts = new ArrayList<>();
    collect(JsonParser.parseString(message.toJson()), texts);
    return texts;
  }

  /** Returns all text of the message as lines. */
  static List<String> lines(SlackMessage message) {
    return List.of(String.join("\n", texts(message)).split("\n"));
  }

  private static void collect(JsonElement element, List<String> texts) {
    if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(item -> collect(item, texts));
    } else if (element.isJsonObject()) {
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        if (entry.getKey().equals("text") && entry.getValue().isJsonPrimitive()) {
          texts.add(entry.getValue().getAsString());
        } else {
          collect(entry.getValue(), texts);
        }
      }
    }
  }
}
