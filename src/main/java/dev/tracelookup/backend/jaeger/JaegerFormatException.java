package dev.tracelookup.backend.jaeger;

import java.io.IOException;

/** Thrown when Jaeger's JSON is not the shape its API writes. */
final class JaegerFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  JaegerFormatException(String problemWithLocation) {
    super(problemWithLocation);
  }
}
