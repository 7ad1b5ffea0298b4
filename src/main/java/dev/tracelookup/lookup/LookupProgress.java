package dev.tracelookup.lookup;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a running lookup stands: still searching, or how many of the traces the search named have
 * been read. A slow lookup tells the agent this once, instead of "Looking up…" alone.
 *
 * @param backend the backend's name, e.g. {@code Tempo}
 * @param found how many traces the search named for this lookup to read, or -1 while it searches
 * @param read how many of those have been read
 */
public record LookupProgress(String backend, int found, int read) {
  public LookupProgress {
    Objects.requireNonNull(backend, "backend");
  }

  /** Returns the progress of a lookup whose search has not answered yet. */
  public static LookupProgress searching(String backend) {
    return new LookupProgress(backend, -1, 0);
  }

  /** Returns whether the search has answered. */
  public boolean searched() {
    return found >= 0;
  }

  /**
   * Returns the sentence the agent reads: {@code Tempo found 14 traces, reading them (6 of 14)…}.
   */
  public String text() {
    if (!searched()) {
      return "Still waiting for " + backend + " to answer the search…";
    }
    String traces = found == 1 ? "1 trace" : found + " traces";
    if (read < found) {
      return backend + " found " + traces + ", reading them (" + read + " of " + found + ")…";
    }
    return backend + " found " + traces + " and they are read; working out what went wrong…";
  }

  /**
   * What one lookup reports as it goes, read by whoever waits for it. Updates come from the search
   * thread and from every fetch thread; each is applied to the latest value, so none is lost.
   */
  public static final class Tracker {
    private final AtomicReference<LookupProgress> now;

    private Tracker(LookupProgress start) {
      this.now = new AtomicReference<>(start);
    }

    /** Returns a tracker for a lookup on {@code backend} that has not searched yet. */
    public static Tracker of(String backend) {
      return new Tracker(searching(backend));
    }

    /** Returns a tracker nobody reads, for lookups nobody waits on with a progress message. */
    public static Tracker ignored() {
      return of("the backend");
    }

    /** Returns where the lookup stands now. */
    public LookupProgress now() {
      return now.get();
    }

    void found(int traces) {
      now.updateAndGet(p -> new LookupProgress(p.backend(), traces, 0));
    }

    void readOne() {
      now.updateAndGet(p -> new LookupProgress(p.backend(), p.found(), p.read() + 1));
    }
  }
}
