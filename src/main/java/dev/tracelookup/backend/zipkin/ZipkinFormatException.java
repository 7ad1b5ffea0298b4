package dev.tracelookup.backend.zipkin;

import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;

/**
 * The answer is not Zipkin v2 JSON the reader can make sense of: not JSON, cut short, or with a
 * value of the wrong type or an invalid ID where one is needed.
 *
 * <p>Messages say what and where, never quote the input: spans carry customer IDs, and these
 * messages reach logs.
 */
final class ZipkinFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  ZipkinFormatException(String problem, JsonLocation location) {
    super(problem + where(location));
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
