package dev.tracelookup.testing;

/**
 * The assertion every fuzz property shares: reading hostile input gives a value or the reader's own
 * documented refusal. Any other exception, and any {@link Error} such as a stack overflow, fails.
 */
public final class HostileInput {
  private HostileInput() {}

  /** A read that may throw. */
  @FunctionalInterface
  public interface Read {
    void run() throws Exception;
  }

  /** Runs the read; fails with the escaped exception unless it is a {@code refusal}. */
  public static void readsOrRefuses(Class<? extends Exception> refusal, Read read) {
    try {
      read.run();
    } catch (Exception escaped) {
      if (!refusal.isInstance(escaped)) {
        throw new AssertionError(
            "expected a value or " + refusal.getSimpleName() + ", but " + escaped + " escaped",
            escaped);
      }
    }
  }
}
