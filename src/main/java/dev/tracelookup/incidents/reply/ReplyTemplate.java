package dev.tracelookup.incidents.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed reply template: text with {@code {placeholder}}s, where {@code [[ ... ]]} marks an
 * optional part, left out whole when a placeholder in it has no value. Parsing rejects unknown
 * placeholders and optional values outside {@code [[ ]]}, so a rendered reply never shows a
 * placeholder, an empty gap or "null".
 */
final class ReplyTemplate {
  private static final Pattern TOKEN = Pattern.compile("\\[\\[|]]|\\{([a-z_]+)}");

  private final List<Segment> segments;

  /** A run of text that is kept or dropped as a whole. */
  private record Segment(boolean optional, List<Part> parts) {
    boolean hasValues(Map<String, String> values) {
      return parts.stream()
          .allMatch(part -> !part.placeholder() || values.containsKey(part.text()));
    }
  }

  /** Literal text, or a placeholder's name. */
  private record Part(String text, boolean placeholder) {}

  private ReplyTemplate(List<Segment> segments) {
    this.segments = segments;
  }

  /**
   * Parses a template.
   *
   * @param allowed the placeholders this template may use
   * @param optional those that may lack a value, so must sit inside {@code [[ ]]}
   * @throws IllegalArgumentException naming the first problem
   */
  static ReplyTemplate parse(
      String name, String template, Set<String> allowed, Set<String> optional) {
    String text = template.replace("\r\n", "\n").stripTrailing();
    List<Segment> segments = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    boolean inOptional = false;
    Matcher token = TOKEN.matcher(text);
    int at = 0;
    while (token.find()) {
      parts.add(new Part(text.substring(at, token.start()), false));
      at = token.end();
      if (token.group(1) != null) {
        check(name, token.group(1), allowed, optional, inOptional);
        parts.add(new Part(token.group(1), true));
      } else if (token.group().equals("[[") == inOptional) {
        throw new IllegalArgumentException(
            name + ": unbalanced " + token.group() + " at character " + token.start());
      } else {
        segments.add(new Segment(inOptional, List.copyOf(parts)));
        parts.clear();
        inOptional = !inOptional;
      }
    }
    if (inOptional) {
      throw new IllegalArgumentException(name + ": [[ is never closed");
    }
    parts.add(new Part(text.substring(at), false));
    segments.add(new Segment(false, List.copyOf(parts)));
    return new ReplyTemplate(List.copyOf(segments));
  }

  /**
   * Returns the text with every placeholder replaced; optional parts lacking a value are left out.
   */
  String render(Map<String, String> values) {
    StringBuilder reply = new StringBuilder();
    for (Segment segment : segments) {
      if (!segment.optional() || segment.hasValues(values)) {
        segment
            .parts()
            .forEach(
                part -> reply.append(part.placeholder() ? values.get(part.text()) : part.text()));
      }
    }
    return reply.toString();
  }

  private static void check(
      String name,
      String placeholder,
      Set<String> allowed,
      Set<String> optional,
      boolean inOptional) {
    if (!allowed.contains(placeholder)) {
      throw new IllegalArgumentException(
          name
              + ": unknown placeholder {"
              + placeholder
              + "}; use one of "
              + new TreeSet<>(allowed));
    }
    if (optional.contains(placeholder) && !inOptional) {
      throw new IllegalArgumentException(
          name
              + ": {"
              + placeholder
              + "} may be missing, so put it inside [[ ]] with"
              + " the words that go with it");
    }
  }
}
