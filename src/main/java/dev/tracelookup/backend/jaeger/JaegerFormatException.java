package dev.tracelookup.backend.jaeger;

import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;

/** Thrown when Jaeger's JSON is not the shape its API writes. */
final class JaegerFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  JaegerFormatException(JsonLocation location, String problem) {
    super(problem + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
  }
}
