package dev.tracelookup.backend.json;

import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;

/**
 * The JSON is well formed but not shaped as the reader needs: a value of the wrong type, a missing
 * ID, input that ends early. Each reader turns it into its own format exception at its boundary.
 */
public final class JsonShapeException extends IOException {
  private static final long serialVersionUID = 1L;

  JsonShapeException(String problem, JsonLocation location) {
    super(
        problem
            + (location == null
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
  }
}
