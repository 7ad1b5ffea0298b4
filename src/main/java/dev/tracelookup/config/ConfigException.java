package dev.tracelookup.config;

import java.util.List;

/**
 * The configuration cannot be used; lists every problem found, each with its key and an example.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    StringBuilder text =
        new StringBuilder("The configuration has ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem:" : " problems:");
    for (String problem : problems) {
      text.append(System.lineSeparator()).append("  - ").append(problem);
    }
    return text.toString();
  }
}
