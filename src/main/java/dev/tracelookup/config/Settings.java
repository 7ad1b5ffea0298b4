package dev.tracelookup.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tracelookup.time.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Typed reads of the YAML tree that collect problems instead of failing at the first, so startup
 * can report all of them at once. A read with a problem returns the default to keep going.
 */
final class Settings {
  private final JsonNode root;
  private final List<String> problems;

  Settings(JsonNode root, List<String> problems) {
    this.root = root == null ? MissingNode.getInstance() : root;
    this.problems = problems;
  }

  /** Returns the node at a dotted key such as {@code lookup.half-window}. */
  JsonNode node(String key) {
    JsonNode node = root;
    for (String part : key.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  void problem(String key, String message, String example) {
    problems.add(key + ": " + message + " (for example " + key + ": " + example + ")");
  }

  String string(String key, String fallback) {
    JsonNode node = node(key);
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    if (!node.isValueNode()) {
      problem(
          key, "must be a single value, not a list or map", fallback.isEmpty() ? "text" : fallback);
      return fallback;
    }
    return node.asText().trim();
  }

  Optional<String> optionalString(String key) {
    String value = string(key, "");
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  Duration duration(String key, Duration fallback, String example) {
    String text = string(key, "");
    if (text.isEmpty()) {
      return fallback;
    }
    Optional<Duration> parsed = DurationText.parse(text);
    if (parsed.isEmpty() || parsed.get().isZero()) {
      problem(
          key, "\"" + text + "\" is not a positive duration such as 500ms, 15m or 1h30m", example);
      return fallback;
    }
    return parsed.get();
  }

  long number(String key, long fallback, long min, long max) {
    JsonNode node = node(key);
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    long value;
    if (node.canConvertToLong() && node.isIntegralNumber()) {
      value = node.asLong();
    } else {
      try {
        value = Long.parseLong(node.asText().trim());
      } catch (NumberFormatException notANumber) {
        problem(key, "\"" + node.asText() + "\" is not a whole number", String.valueOf(fallback));
        return fallback;
      }
    }
    if (value < min || value > max) {
      problem(key, value + " is outside " + min + ".." + max, String.valueOf(fallback));
      return fallback;
    }
    return value;
  }

  /**
   * Returns the number at the key, or empty when the key is absent; {@code example} shows a good
   * value.
   */
  OptionalLong optionalNumber(String key, long example, long min, long max) {
    JsonNode node = node(key);
    if (node.isMissingNode() || node.isNull()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(number(key, example, min, max));
  }

  List<String> strings(String key, List<String> fallback) {
    JsonNode node = node(key);
    if (node.isMissingNode() || node.isNull()) {
      return fallback;
    }
    if (!node.isArray()) {
      problem(key, "must be a list", "[" + String.join(", ", fallback) + "]");
      return fallback;
    }
    List<String> values = new ArrayList<>();
    node.forEach(item -> values.add(item.asText().trim()));
    values.removeIf(String::isEmpty);
    if (values.isEmpty()) {
      problem(key, "must not be empty", "[" + String.join(", ", fallback) + "]");
      return fallback;
    }
    return values;
  }

  Pattern pattern(String key, String fallback) {
    String text = string(key, fallback);
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException bad) {
      problem(
          key,
          "is not a valid regular expression (" + bad.getDescription() + ")",
          "'" + fallback + "'");
      return Pattern.compile(fallback);
    }
  }
}
