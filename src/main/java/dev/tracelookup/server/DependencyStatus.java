package dev.tracelookup.server;

import java.util.Locale;
import java.util.Objects;

/**
 * What a readiness check found about one dependency.
 *
 * @param detail a few words for operators: never a secret, a URL, a customer ID or a stack trace
 */
public record DependencyStatus(State state, String detail) {

  /** How a dependency stands. */
  public enum State {
    /** It answers. */
    UP,
    /** It answers partly or slowly; lookups work with less. */
    DEGRADED,
    /** It does not answer. */
    DOWN,
    /** Nothing is known yet, e.g. no call was made since start. */
    UNKNOWN;

    /** Returns the name as {@code /readyz} writes it: {@code up}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DependencyStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
  }

  public static DependencyStatus up(String detail) {
    return new DependencyStatus(State.UP, detail);
  }

  public static DependencyStatus degraded(String detail) {
    return new DependencyStatus(State.DEGRADED, detail);
  }

  public static DependencyStatus down(String detail) {
    return new DependencyStatus(State.DOWN, detail);
  }

  public static DependencyStatus unknown(String detail) {
    return new DependencyStatus(State.UNKNOWN, detail);
  }
}
