package dev.tracelookup.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests the bot may have open at one backend at once, with a fair (first come, first
 * served) queue for the rest.
 *
 * <p>Lookups are I/O-bound: what a burst of them can hurt is the backend, not the bot's cores. So
 * the bot runs lookups on many cheap threads and limits concurrency here, per backend, where it
 * protects something. A call waits its turn at most until its lookup's time is spent; it then fails
 * as a timeout that names the queue, so nothing hangs. The gate also keeps what admission needs to
 * tell how long a new lookup would wait: the calls queued, the calls open, and how long a call
 * holds its place.
 */
public final class CallGate {
  /** Weight of the newest hold time in the running mean: about the last 20 calls. */
  private static final double WEIGHT = 0.05;

  private final int capacity;
  private final Semaphore places;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong meanHoldNanos = new AtomicLong();

  private CallGate(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.places = new Semaphore(capacity, true);
  }

  /** Returns a gate letting {@code capacity} calls through at once, the others in arrival order. */
  public static CallGate of(int capacity) {
    return new CallGate(capacity);
  }

  /** Returns a gate that never makes a call wait: for backends nothing needs protecting from. */
  public static CallGate unlimited() {
    return new CallGate(Integer.MAX_VALUE / 2);
  }

  /**
   * Waits for a place, at most {@code maxWait}, and returns it; empty when none came free in time
   * or the thread was interrupted (its interrupt flag restored).
   */
  public Optional<Place> enter(Duration maxWait) {
    long asked = System.nanoTime();
    if (places.tryAcquire()) {
      return Optional.of(new Place(asked, 0));
    }
    waiting.incrementAndGet();
    try {
      if (places.tryAcquire(Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS)) {
        return Optional.of(new Place(System.nanoTime(), System.nanoTime() - asked));
      }
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Returns how many calls may be open at once. */
  public int capacity() {
    return capacity;
  }

  /** Returns how many calls are open now. */
  public int open() {
    return capacity - places.availablePermits();
  }

  /** Returns how many calls are waiting for a place now. */
  public int waiting() {
    return waiting.get();
  }

  /** Returns how long a call has held its place lately: the backend's answer time, measured. */
  public Duration meanHold() {
    return Duration.ofNanos(meanHoldNanos.get());
  }

  private void left(long heldNanos) {
    places.release();
    meanHoldNanos.getAndUpdate(
        mean -> mean == 0 ? heldNanos : (long) (mean + WEIGHT * (heldNanos - mean)));
  }

  /** A place at the gate, held until closed; closing twice gives it back once. */
  public final class Place implements AutoCloseable {
    private final long enteredNanos;
    private final long waitedNanos;
    private boolean closed;

    private Place(long enteredNanos, long waitedNanos) {
      this.enteredNanos = enteredNanos;
      this.waitedNanos = waitedNanos;
    }

    /** Returns how long the call waited for this place. */
    public Duration waited() {
      return Duration.ofNanos(waitedNanos);
    }

    /** Returns how long the place has been held. */
    public Duration held() {
      return Duration.ofNanos(System.nanoTime() - enteredNanos);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        left(System.nanoTime() - enteredNanos);
      }
    }
  }
}
