package dev.tracelookup.http;

import java.io.InputStream;
import java.util.Optional;

/**
 * One GET's place in its lookup's {@link ReadBudget}, across the GET's attempts; nothing at all
 * outside a {@link CallScope}.
 *
 * <p>The read is admitted before each request is sent, so a lookup waiting for room does not make
 * the backend produce an answer nobody reads. A read that gave way to older ones while streaming
 * starts over, keeping its place in line, at most {@link #MAX_RESTARTS} times: the backend then
 * sends that answer again, which is why the number is small.
 */
final class BudgetedRead implements AutoCloseable {
  static final int MAX_RESTARTS = 2;

  /**
   * What a read is charged before its request goes out; the body is charged a step at a time as it
   * streams in. Small, because it is held for as long as the backend takes to answer: a whole 64 kB
   * step held through a 2 s search let a 32 MB budget (a 256 MB heap's) have only 512 requests out
   * at once, 256 searches a second, and lookups queued for memory they did not use.
   */
  static final int ADMISSION = 8 * 1024;

  private final Optional<CallScope> scope;
  private final Optional<ReadBudget.Read> read;
  private int restarts;
  private boolean kept;

  private BudgetedRead(Optional<CallScope> scope) {
    this.scope = scope;
    this.read = scope.map(s -> s.memory().startRead());
  }

  static BudgetedRead of(Optional<CallScope> scope) {
    return new BudgetedRead(scope);
  }

  /** Waits, if the budget's rules allow, until the read may start; refused when it may not. */
  void admit() throws ReadBudget.Refused {
    if (read.isPresent() && !read.get().admitted()) {
      CallScope within = scope.get();
      read.get().charge(ADMISSION, within.deadlineNanos(), within::over);
    }
  }

  /** Returns the body, charged to the budget as it is read. */
  InputStream charged(InputStream body) {
    return read.<InputStream>map(r -> new ChargedInputStream(body, r, scope.get(), ADMISSION))
        .orElse(body);
  }

  /** After the read gave way while streaming: returns whether it may start over. */
  boolean mayStartOver() {
    if (read.isEmpty() || restarts == MAX_RESTARTS) {
      return false;
    }
    restarts++;
    return true;
  }

  /** Frees what a failed attempt read; the next attempt waits its turn again, in the same place. */
  void reset() {
    read.ifPresent(ReadBudget.Read::restart);
  }

  /** The answer was read and its lookup keeps it: its bytes stay charged. */
  void keep() {
    kept = true;
  }

  @Override
  public void close() {
    read.ifPresent(r -> r.finish(kept));
  }
}
