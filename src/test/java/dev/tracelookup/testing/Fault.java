package dev.tracelookup.testing;

/** The ways a dependency fails in the fault drills. */
public enum Fault {
  /** Nothing listens on its port. */
  REFUSED,
  /** Accepts the request and holds it, answering only when the drill releases it. */
  SLOW,
  /** Answers 500 Internal Server Error. */
  SERVER_ERROR,
  /** Answers 503 Service Unavailable. */
  UNAVAILABLE,
  /** Answers 429 Too Many Requests with {@code Retry-After: 1}. */
  RATE_LIMITED
}
