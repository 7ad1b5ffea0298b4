#!/usr/bin/env python3
"""Writes the trace-shape corpus: for every shape its otlp.json, jaeger.json and zipkin.json (and the
*-linked.json files of a linked trace), plus src/test/java/dev/tracelookup/shapes/TraceShapes.java.

Run from anywhere: python3 src/test/resources/shapes/generator/make_shapes.py
The output is deterministic (every shape seeds its own random IDs from its directory name).
"""

import datetime
import json
import os
import sys

sys.dont_write_bytecode = True
GENERATOR = os.path.dirname(os.path.abspath(__file__))
HERE = os.path.dirname(GENERATOR)  # src/test/resources/shapes
sys.path.insert(0, GENERATOR)

import shapes_a  # noqa: E402
import shapes_b  # noqa: E402
import shapes_c  # noqa: E402
from model import EPOCH  # noqa: E402
from wire import GRPC_CODES, jaeger_document, otlp_document, view, zipkin_document  # noqa: E402

JAVA = os.path.normpath(os.path.join(HERE, "..", "..", "java", "dev", "tracelookup", "shapes", "TraceShapes.java"))


def write_json(path, document):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write("\n")


def write_fixtures(shape):
    directory = os.path.join(HERE, shape.dir)
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        os.remove(os.path.join(directory, name))
    writers = {"otlp": otlp_document, "jaeger": jaeger_document, "zipkin": zipkin_document}
    for fmt in shape.formats:
        write_json(os.path.join(directory, fmt + ".json"), writers[fmt](shape.trace.spans))
        if shape.linked:
            write_json(os.path.join(directory, fmt + "-linked.json"), writers[fmt](shape.linked.spans))


# ---------------------------------------------------------------------------------------------
# The ASCII drawing of a trace, for the catalogue's Javadoc.

def outcome(span):
    v = view(span)
    attrs = dict(v.attrs)
    parts = []
    http = attrs.get("http.response.status_code", attrs.get("http.status_code"))
    if http is not None and str(http) != "0":
        parts.append(str(http))
    elif http is not None:
        parts.append("no response")
    grpc = attrs.get("rpc.grpc.status_code")
    if grpc not in (None, 0):
        parts.append("gRPC %d %s" % (grpc, GRPC_CODES[grpc]))
    flags = attrs.get("response_flags")
    if flags and flags != "-":
        parts.append(flags)
    if v.status[0] != "UNSET":
        parts.append(v.status[0])
    error = attrs.get("error")
    if isinstance(error, str) and error != "true":
        parts.append("error=" + (error if len(error) <= 12 else error[:12] + "…"))
    for name, _, event_attrs in v.events:
        a = dict(event_attrs)
        if name == "exception":
            kind = a.get("exception.type", "").split(".")[-1]
            parts.append("%s: %s" % (kind, short(a.get("exception.message", ""))))
            break
        if name == "error" and "error.kind" in a:
            parts.append("%s: %s" % (a["error.kind"].split(".")[-1], short(a.get("message", ""))))
            break
        if a.get("level") == "error" and name:
            parts.append('log "%s"' % name)
            break
    return " ".join(parts)


def short(text, limit=44):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def fmt_ms(ms, seconds):
    return ("%.2f" % (ms / 1000)) if seconds else ("%.1f" % ms)


def tree(spans):
    """Returns the roots (spans whose parent is absent) and the children of each span, in start order."""
    by_id = {}
    shared_server = {}
    for s in spans:
        if s.shared:
            shared_server[s.id] = s
        else:
            by_id[s.id] = s
    children = {id(s): [] for s in spans}
    roots = []
    for s in sorted(spans, key=lambda x: x.start):
        if s.shared:
            parent = by_id.get(s.id)
        else:
            parent = shared_server.get(s.parent) or by_id.get(s.parent)
        if parent is None:
            roots.append(s)
        else:
            children[id(parent)].append(s)
    return roots, children


def drawing(shape, trace):
    """Draws the trace; times are relative to the main trace's first span, so a linked trace shows
    when it ran."""
    roots, children = tree(trace.spans)
    t0 = min(s.start for s in shape.trace.spans)
    end = max(s.end for s in trace.spans)
    seconds = (end - min(t0, min(s.start for s in trace.spans))) / 1e6 >= 10_000
    marks = {}
    if shape.culprit is not None:
        marks[id(shape.culprit)] = "◀ culprit"
    for s in shape.recovered:
        marks[id(s)] = "✗ recovered"
    for s in shape.others:
        marks[id(s)] = "✗ other failing branch"
    if getattr(shape, "slow", None) is not None:
        marks[id(shape.slow)] = "◀ took the time"

    def signature(s):
        return (s.name, s.res.service, view(s).kind, outcome(s), tuple(signature(c) for c in children[id(s)]))

    def marked(s):
        return id(s) in marks or any(marked(c) for c in children[id(s)])

    rows = []

    def visit(nodes, prefix, top):
        groups = []
        for s in nodes:
            if groups and not marked(s) and not marked(groups[-1][0]) and signature(s) == signature(groups[-1][0]):
                groups[-1].append(s)
            else:
                groups.append([s])
        for i, group in enumerate(groups):
            last = i == len(groups) - 1
            s = group[0]
            branch = "" if top else ("└── " if last else "├── ")
            label = s.name + (" ×%d" % len(group) if len(group) > 1 else "")
            if top and s.parent:
                label += " (parent %s… missing)" % s.parent[:6]
            start = (s.start - t0) / 1e6
            stop = (max(g.end for g in group) - t0) / 1e6
            rows.append((prefix + branch + label, s.res.service, view(s).kind, outcome(s),
                         "%s–%s %s" % (fmt_ms(start, seconds), fmt_ms(stop, seconds), "s" if seconds else "ms"),
                         marks.get(id(s), "")))
            visit(children[id(s)], prefix + ("" if top else ("    " if last else "│   ")), False)

    visit(roots, "", True)
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        cells = [r[i].ljust(widths[i]) for i in range(4)] + [r[4].rjust(max(len(x[4]) for x in rows)), r[5]]
        lines.append("  ".join(cells).rstrip())
    return lines


# ---------------------------------------------------------------------------------------------
# TraceShapes.java

def java_string(text):
    out = json.dumps(text, ensure_ascii=False)
    assert "\\u" not in out, text
    return out


def java_text(text, indent, width=92):
    """A string literal, split at word boundaries into concatenated lines."""
    chunks, current = [], ""
    for word in text.split(" "):
        candidate = (current + " " + word) if current else word
        if current and len(candidate) > width:
            chunks.append(current + " ")
            current = word
        else:
            current = candidate
    chunks.append(current)
    pad = " " * indent
    return ("\n" + pad + "    + ").join(java_string(c) for c in chunks)


def javadoc_text(text):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
    return text.replace("*/", "*&#47;")


def wrap(text, width=96):
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = (line + " " + w) if line else w
    if line:
        lines.append(line)
    return lines


def entry_start(shape):
    spans = shape.trace.spans
    roots = [s for s in spans if not s.parent or all(s.parent != o.id for o in spans)]
    first = min(roots, key=lambda s: s.start)
    return first.start


def instant(ns):
    micros = ns // 1000
    moment = EPOCH + datetime.timedelta(microseconds=micros)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def jaeger_culprit_id(shape):
    if shape.culprit is None or not shape.culprit.shared:
        return None
    spans = sorted(shape.trace.spans, key=lambda s: s.start)
    client_ids = {s.id for s in spans if view(s).kind == "CLIENT"}
    n = 0
    for s in spans:
        if view(s).kind == "SERVER" and s.id in client_ids:
            n += 1
            if s is shape.culprit:
                return "%016x" % n
    return None


def constant(shape):
    trace = shape.trace
    lines = ["  /**"]
    for l in wrap(javadoc_text(shape.summary), 96):
        lines.append("   * " + l)
    lines.append("   *")
    for l in wrap("<p>Source: " + javadoc_text(shape.source) + ".", 96):
        lines.append("   * " + l)
    lines.append("   *")
    lines.append("   * <pre>")
    for l in drawing(shape, trace):
        lines.append("   * " + javadoc_text(l))
    lines.append("   * </pre>")
    if shape.linked:
        lines.append("   *")
        lines.append("   * <p>Linked trace ({@code *-linked.json}), times from the main trace's start:")
        lines.append("   *")
        lines.append("   * <pre>")
        for l in drawing(shape, shape.linked):
            lines.append("   * " + javadoc_text(l))
        lines.append("   * </pre>")
    lines.append("   *")
    verdict = "<p>Verdict %s (\"%s\")" % (shape.verdict, shape.verdict_text)
    if shape.culprit is not None:
        verdict += "; culprit %s in %s." % (shape.culprit.name, shape.culprit.res.service)
    else:
        verdict += "; no culprit."
    for l in wrap(javadoc_text(verdict).replace("&lt;p&gt;", "<p>"), 96):
        lines.append("   * " + l)
    lines.append("   *")
    for l in wrap("<p>" + javadoc_text(shape.notes), 96):
        lines.append("   * " + l)
    if shape.format_notes:
        lines.append("   *")
        for l in wrap("<p>" + javadoc_text("Formats: " + shape.format_notes), 96):
            lines.append("   * " + l)
    lines.append("   */")
    culprit = shape.culprit
    args = [
        java_string(shape.dir),
        java_text(shape.source, 10),
        java_string(shape.user),
        java_string(trace.id),
        "Instant.parse(%s)" % java_string(instant(entry_start(shape))),
        java_string(shape.verdict),
        "/* timedOut */ %s" % str(shape.timed_out).lower(),
        "/* asynchronous */ %s" % str(shape.asynchronous).lower(),
        "/* entryMissing */ %s" % str(shape.entry_missing).lower(),
        java_string(culprit.id) if culprit else "null",
        java_string(culprit.res.service) if culprit else "null",
        java_string(jaeger_culprit_id(shape)) if jaeger_culprit_id(shape) else "null",
        "Set.of(%s)" % ", ".join(java_string(f) for f in shape.formats),
        java_string(shape.linked.id) if shape.linked else "null",
        java_text(shape.notes, 10),
    ]
    lines.append("  static final TraceShape %s =" % shape.constant)
    lines.append("      new TraceShape(")
    for i, a in enumerate(args):
        lines.append("          " + a + ("," if i < len(args) - 1 else ");"))
    return lines


HEADER = '''package dev.tracelookup.shapes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The corpus of real-world trace shapes: how real instrumentation (the OpenTelemetry Java agent,
 * the Python, Go, .NET and Node.js SDKs, Brave, Envoy and Istio, nginx, Jaeger clients and HotROD,
 * the OpenTelemetry demo) records requests that failed, were refused, recovered or succeeded, and
 * what a careful on-call engineer concludes from each.
 *
 * <p>Each shape's wire-format fixtures are in {@code src/test/resources/shapes/<dir>/}: {@code
 * otlp.json} (the Collector's file exporter), {@code jaeger.json} (Jaeger's v1 query API) and
 * {@code zipkin.json} (Zipkin's v2 API), plus {@code *-linked.json} for a trace reached through a
 * span link. How each origin maps to each format is described in {@code shapes/README.md}.
 *
 * <p>The fixtures and this file are written by {@code src/test/resources/shapes/make_shapes.py}
 * from one span model per shape, so IDs, times and expectations agree across formats: change the
 * shape there and run it again rather than editing the JSON or this file by hand.
 *
 * <p>Every shape's customer is alone in their ID ({@code usr_shapeNN}) and at their own minute on
 * 2026-02-06 between 10:00 and 18:00 UTC, so a lookup of the user ID at {@link TraceShape#at()}
 * finds exactly that shape's trace.
 */
final class TraceShapes {
  private TraceShapes() {}

  /**
   * One trace shape and what the analysis should make of it.
   *
   * @param dir the directory under {@code src/test/resources/shapes/}
   * @param source the instrumentation (SDK, agent, proxy and versions) whose output it imitates
   * @param userId the customer, on the entry span ({@code user.id}, or {@code enduser.id} for older
   *     instrumentation) and on a few inner spans
   * @param traceId the main trace's ID, normalised (32 lower-case hex; 64-bit IDs left-padded)
   * @param at when the entry span started (for a trace without its entry: its earliest orphan)
   * @param expectedVerdict what the customer saw: {@code FAILED}, {@code REFUSED}, {@code RECOVERED}
   *     or {@code SUCCEEDED}
   * @param timedOut the failure is a hang, timeout or cancellation, whose culprit is found by
   *     following the time (the critical path) rather than the errors
   * @param asynchronous the failure happened in work done after the entry had answered
   * @param entryMissing the entry span was never reported
   * @param culpritSpanId the span a careful engineer names (in the OTLP and Zipkin forms), or null
   *     for RECOVERED and SUCCEEDED
   * @param culpritService the culprit's own service: Brave and Envoy share one span ID between a
   *     client and a server span, and this tells which half is meant
   * @param culpritJaegerSpanId the culprit's ID in the Jaeger form when Jaeger's query service
   *     renamed it (the server half of a shared span ID), else null
   * @param formats the fixture files present: {@code otlp}, {@code jaeger}, {@code zipkin}
   * @param linkedTraceId the trace reached through a span link, in {@code *-linked.json}, or null
   * @param notes why the verdict and culprit are right
   */
  record TraceShape(
      String dir,
      String source,
      String userId,
      String traceId,
      Instant at,
      String expectedVerdict,
      boolean timedOut,
      boolean asynchronous,
      boolean entryMissing,
      String culpritSpanId,
      String culpritService,
      String culpritJaegerSpanId,
      Set<String> formats,
      String linkedTraceId,
      String notes) {
    private static final Set<String> VERDICTS = Set.of("FAILED", "REFUSED", "RECOVERED", "SUCCEEDED");
    private static final Set<String> FORMATS = Set.of("otlp", "jaeger", "zipkin");
    private static final Pattern HEX_TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    TraceShape {
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(notes, "notes");
      if (!HEX_TRACE_ID.matcher(traceId).matches()) {
        throw new IllegalArgumentException(dir + ": not a normalised trace ID: " + traceId);
      }
      if (!VERDICTS.contains(expectedVerdict)) {
        throw new IllegalArgumentException(dir + ": unknown verdict " + expectedVerdict);
      }
      if ((culpritSpanId == null) != (culpritService == null)) {
        throw new IllegalArgumentException(dir + ": a culprit needs both its span ID and its service");
      }
      boolean failure = expectedVerdict.equals("FAILED") || expectedVerdict.equals("REFUSED");
      if (failure != (culpritSpanId != null)) {
        throw new IllegalArgumentException(dir + ": failures and refusals name a culprit, nothing else does");
      }
      formats = Set.copyOf(formats);
      if (formats.isEmpty() || !FORMATS.containsAll(formats)) {
        throw new IllegalArgumentException(dir + ": formats must be some of " + FORMATS + ": " + formats);
      }
    }

    /** Returns whether the shape has a trace reached through a span link, in {@code *-linked.json}. */
    boolean linked() {
      return linkedTraceId != null;
    }

    /** Returns the classpath resource of one of the shape's files, e.g. {@code otlp.json}. */
    String resource(String file) {
      return "/shapes/" + dir + "/" + file;
    }

    @Override
    public String toString() {
      return dir;
    }
  }
'''


def write_java(shapes):
    lines = [HEADER]
    for shape in shapes:
        lines.extend(constant(shape))
        lines.append("")
    lines.append("  /** Returns every shape, in catalogue order. */")
    lines.append("  static List<TraceShape> all() {")
    lines.append("    return List.of(")
    for i, shape in enumerate(shapes):
        lines.append("        " + shape.constant + ("," if i < len(shapes) - 1 else ");"))
    lines.append("  }")
    lines.append("}")
    os.makedirs(os.path.dirname(JAVA), exist_ok=True)
    with open(JAVA, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def main():
    shapes = [make() for make in shapes_a.SHAPES + shapes_b.SHAPES + shapes_c.SHAPES]
    for shape in shapes:
        write_fixtures(shape)
    write_java(shapes)
    for shape in shapes:
        print("%-36s %-9s %s" % (shape.dir, shape.verdict, shape.culprit.name if shape.culprit else "-"))


if __name__ == "__main__":
    main()
