package dev.tracelookup.backend.otlpfile;

import java.io.IOException;

/**
 * A line that is JSON but not an OTLP document the index can read: a span without a valid trace or
 * span ID, a value of the wrong type. Its message names the problem, never the line's content.
 */
final class MalformedLine extends IOException {
  private static final long serialVersionUID = 1L;

  MalformedLine(String problem) {
    super(problem);
  }
}
