package dev.tracelookup.trace;

import java.util.List;

/**
 * What a span recorded about an exception: its type, message and the first stack frames.
 *
 * @param stackFrames at most a few {@code at ...} lines, trimmed; empty when no stack was recorded
 */
public record ExceptionInfo(String type, String message, List<String> stackFrames) {
  public ExceptionInfo {
    type = type == null ? "" : type;
    message = message == null ? "" : message;
    stackFrames = stackFrames == null ? List.of() : List.copyOf(stackFrames);
  }
}
