package dev.tracelookup.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an OpenTelemetry exporter sent over OTLP/HTTP (protobuf), flattened for assertions: spans
 * with their attributes and events, metric points with their exemplars' filtered attributes, log
 * records, and the resource of each. Field numbers are those of opentelemetry-proto v1.
 */
final class OtlpExports {
  private final List<ExportedSpan> spans = new ArrayList<>();
  private final List<ExportedPoint> points = new ArrayList<>();
  private final List<ExportedLog> logs = new ArrayList<>();

  /** A span: its name, kind (2 server, 3 client), attributes, events and resource. */
  record ExportedSpan(
      String name,
      long kind,
      Map<String, String> attributes,
      List<String> events,
      Map<String, String> resource) {}

  /**
   * One metric data point: the metric's name, the point's attributes, each exemplar's filtered
   * attributes.
   */
  record ExportedPoint(
      String metric,
      Map<String, String> attributes,
      List<Map<String, String>> exemplars,
      Map<String, String> resource) {}

  /** A log record: its body and attributes. */
  record ExportedLog(String body, Map<String, String> attributes, Map<String, String> resource) {}

  List<ExportedSpan> spans() {
    return List.copyOf(spans);
  }

  List<ExportedPoint> points() {
    return List.copyOf(points);
  }

  List<ExportedLog> logs() {
    return List.copyOf(logs);
  }

  /** Adds an {@code ExportTraceServiceRequest}. */
  void addTraces(byte[] request) {
    for (ProtoFields resourceSpans : ProtoFields.read(request).messages(1)) {
      Map<String, String> resource = resource(resourceSpans);
      for (ProtoFields scopeSpans : resourceSpans.messages(2)) {
        for (ProtoFields span : scopeSpans.messages(2)) {
          List<String> events =
              span.messages(11).stream()
                  .map(event -> event.text(2) + " " + attributes(event.messages(3)))
                  .toList();
          long kind = span.all(6).isEmpty() ? 0 : span.all(6).get(0).value();
          spans.add(
              new ExportedSpan(span.text(5), kind, attributes(span.messages(9)), events, resource));
        }
      }
    }
  }

  /** Adds an {@code ExportMetricsServiceRequest}. */
  void addMetrics(byte[] request) {
    for (ProtoFields resourceMetrics : ProtoFields.read(request).messages(1)) {
      Map<String, String> resource = resource(resourceMetrics);
      for (ProtoFields scopeMetrics : resourceMetrics.messages(2)) {
        for (ProtoFields metric : scopeMetrics.messages(2)) {
          addPoints(metric, resource);
        }
      }
    }
  }

  /** Adds an {@code ExportLogsServiceRequest}. */
  void addLogs(byte[] request) {
    for (ProtoFields resourceLogs : ProtoFields.read(request).messages(1)) {
      Map<String, String> resource = resource(resourceLogs);
      for (ProtoFields scopeLogs : resourceLogs.messages(2)) {
        for (ProtoFields log : scopeLogs.messages(2)) {
          String body =
              log.messages(5).stream().map(OtlpExports::value).collect(Collectors.joining());
          logs.add(new ExportedLog(body, attributes(log.messages(6)), resource));
        }
      }
    }
  }

  /**
   * Gauge and sum (number points: attributes 7, exemplars 5), histogram (9, 8), exponential (1,
   * 11).
   */
  private void addPoints(ProtoFields metric, Map<String, String> resource) {
    String name = metric.text(1);
    for (int kind : new int[] {5, 7}) {
      for (ProtoFields data : metric.messages(kind)) {
        data.messages(1).forEach(point -> points.add(point(name, point, 7, 5, resource)));
      }
    }
    for (ProtoFields data : metric.messages(9)) {
      data.messages(1).forEach(point -> points.add(point(name, point, 9, 8, resource)));
    }
    for (ProtoFields data : metric.messages(10)) {
      data.messages(1).forEach(point -> points.add(point(name, point, 1, 11, resource)));
    }
    for (ProtoFields data : metric.messages(11)) {
      data.messages(1).forEach(point -> points.add(point(name, point, 7, -1, resource)));
    }
  }

  private static ExportedPoint point(
      String metric,
      ProtoFields point,
      int attributesField,
      int exemplarsField,
      Map<String, String> resource) {
    List<Map<String, String>> exemplars =
        exemplarsField < 0
            ? List.of()
            : point.messages(exemplarsField).stream()
                .map(exemplar -> attributes(exemplar.messages(7)))
                .toList();
    return new ExportedPoint(
        metric, attributes(point.messages(attributesField)), exemplars, resource);
  }

  private static Map<String, String> resource(ProtoFields resourceSignals) {
    return resourceSignals.messages(1).stream()
        .findFirst()
        .map(r -> attributes(r.messages(1)))
        .orElse(Map.of());
  }

  /** KeyValue: key 1, value 2. */
  private static Map<String, String> attributes(List<ProtoFields> keyValues) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (ProtoFields keyValue : keyValues) {
      attributes.put(
          keyValue.text(1),
          keyValue.messages(2).stream().map(OtlpExports::value).collect(Collectors.joining()));
    }
    return attributes;
  }

  /**
   * AnyValue: string 1, bool 2, int 3, array 5 (values 1), kvlist 6 (values 1); others as numbers.
   */
  private static String value(ProtoFields any) {
    if (!any.all(1).isEmpty()) {
      return any.text(1);
    }
    if (!any.all(5).isEmpty()) {
      return any.messages(5).get(0).messages(1).stream()
          .map(OtlpExports::value)
          .collect(Collectors.joining(" "));
    }
    if (!any.all(6).isEmpty()) {
      return attributes(any.messages(6).get(0).messages(1)).toString();
    }
    for (int scalar : new int[] {2, 3}) {
      if (!any.all(scalar).isEmpty()) {
        return String.valueOf(any.all(scalar).get(0).value());
      }
    }
    return "";
  }
}
