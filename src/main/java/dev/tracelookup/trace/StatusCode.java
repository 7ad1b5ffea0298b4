package dev.tracelookup.trace;

import java.util.Locale;

/** The OpenTelemetry span status code. */
public enum StatusCode {
  UNSET,
  OK,
  ERROR;

  /** Returns the code for an OTLP enum number (0, 1, 2), {@link #UNSET} for anything else. */
  public static StatusCode fromOtlpNumber(long number) {
    if (number == 1) {
      return OK;
    }
    return number == 2 ? ERROR : UNSET;
  }

  /**
   * Returns the code for {@code STATUS_CODE_ERROR}, {@code ERROR}, {@code error}; UNSET otherwise.
   */
  public static StatusCode fromName(String name) {
    if (name == null) {
      return UNSET;
    }
    String upper = name.trim().toUpperCase(Locale.ROOT);
    if (upper.startsWith("STATUS_CODE_")) {
      upper = upper.substring("STATUS_CODE_".length());
    }
    if (upper.equals("ERROR")) {
      return ERROR;
    }
    return upper.equals("OK") ? OK : UNSET;
  }
}
