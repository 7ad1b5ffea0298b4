package dev.tracelookup.trace;

import java.util.Objects;

/** A span's status: its code and the optional description (empty when none was given). */
public record SpanStatus(StatusCode code, String message) {
  public static final SpanStatus UNSET = new SpanStatus(StatusCode.UNSET, "");

  public SpanStatus {
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message;
  }

  public static SpanStatus error(String message) {
    return new SpanStatus(StatusCode.ERROR, message);
  }

  public boolean isError() {
    return code == StatusCode.ERROR;
  }
}
