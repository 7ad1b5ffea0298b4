package dev.tracelookup.backend.zipkin;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.SpanEvent;
import java.util.Optional;

/**
 * Turns Zipkin annotations back into span events. Zipkin annotations are plain strings, so
 * OpenTelemetry exporters pack an event's name and attributes into one, and they disagree on how:
 *
 * <ul>
 *   <li>{@code "exception":{"exception.type":"…"}}: the OpenTelemetry spec and the Java exporter,
 *       which does not escape the attribute strings, so a stack trace arrives as broken JSON;
 *   <li>{@code exception: {…}}: the same without quotes around the name;
 *   <li>{@code exception|{…}|0}: the Collector's Zipkin exporter (name, JSON, dropped count);
 *   <li>{@code exception}: an event without attributes, or a Brave annotation such as {@code ws}.
 * </ul>
 *
 * <p>Anything else becomes an event named by the whole value, without attributes. The value is
 * taken apart by hand rather than by regular expressions, whose backtracking a hostile value could
 * make slow.
 */
final class AnnotationEvents {
  private AnnotationEvents() {}

  /** An event name and the JSON text of its attributes, as packed into one annotation. */
  private record Packed(String name, String json) {}

  /** Returns the event an annotation value records, at the given time. */
  static SpanEvent event(long epochNanos, String value) {
    String text = value.strip();
    Optional<Packed> packed = quotedName(text).or(() -> collector(text)).or(() -> bareName(text));
    if (packed.isEmpty()) {
      return new SpanEvent(text, epochNanos, Attributes.empty());
    }
    return new SpanEvent(
        packed.get().name(),
        epochNanos,
        new Attributes(LenientJsonObject.read(packed.get().json())));
  }

  /** Reads {@code "name":{…}}. */
  private static Optional<Packed> quotedName(String text) {
    int close = text.indexOf('"', 1);
    if (!text.startsWith("\"") || close < 0) {
      return Optional.empty();
    }
    String rest = text.substring(close + 1).stripLeading();
    return rest.startsWith(":")
        ? packed(text.substring(1, close), rest.substring(1))
        : Optional.empty();
  }

  /** Reads {@code name|{…}|droppedCount}. */
  private static Optional<Packed> collector(String text) {
    int first = text.indexOf('|');
    int last = text.lastIndexOf('|');
    if (first <= 0 || last == first || !isDigits(text.substring(last + 1))) {
      return Optional.empty();
    }
    String json = text.substring(first + 1, last).strip();
    return json.endsWith("}") ? packed(text.substring(0, first), json) : Optional.empty();
  }

  /** Reads {@code name: {…}}. */
  private static Optional<Packed> bareName(String text) {
    int colon = text.indexOf(':');
    return colon > 0
        ? packed(text.substring(0, colon), text.substring(colon + 1))
        : Optional.empty();
  }

  private static Optional<Packed> packed(String name, String json) {
    String trimmedName = name.strip();
    String trimmedJson = json.strip();
    boolean plainName =
        !trimmedName.isEmpty() && trimmedName.indexOf('"') < 0 && trimmedName.indexOf('{') < 0;
    return plainName && trimmedJson.startsWith("{")
        ? Optional.of(new Packed(trimmedName, trimmedJson))
        : Optional.empty();
  }

  private static boolean isDigits(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
