package dev.tracelookup.http;

/**
 * A reader's unexpected exception as it may be logged: its type and stack trace, causes included,
 * but not its message, which may quote the answer being read and with it a customer's data.
 */
final class ReaderBug extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_CAUSES = 8;

  private ReaderBug(Throwable thrown, Throwable cause) {
    super(
        thrown.getClass().getName() + " (message withheld: it may quote the answer)",
        cause,
        false,
        true);
    setStackTrace(thrown.getStackTrace());
  }

  /** Returns the exception and its causes, each stripped of its message. */
  static ReaderBug of(Throwable thrown) {
    return strip(thrown, 0);
  }

  private static ReaderBug strip(Throwable thrown, int depth) {
    Throwable cause = thrown.getCause();
    // Cause chains can loop; a handful of levels is all a reader's stack needs.
    boolean last = cause == null || cause == thrown || depth == MAX_CAUSES;
    return new ReaderBug(thrown, last ? null : strip(cause, depth + 1));
  }
}
