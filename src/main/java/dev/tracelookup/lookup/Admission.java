package dev.tracelookup.lookup;

import dev.tracelookup.http.CallGate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a new lookup can still get its card within its time, and how long it is likely to take.
 *
 * <p>Work is turned away by deadline, not by queue length: a lookup is refused only when the
 * lookups already admitted would keep the backend busy past its time, that is when the wait they
 * add is more than the lookup can spare. The estimate is the backend work ahead, spread over the
 * places the backend's {@link CallGate} allows, plus what a lookup takes on its own:
 *
 * <pre>
 *   likely = service + running × backendWork ÷ places
 * </pre>
 *
 * where {@code backendWork} is how long a lookup's calls hold places at the backend, and {@code
 * service} how long a lookup takes when it does not queue; both are running means of finished
 * lookups. Until lookups have finished there is nothing to go on, and everything is admitted: the
 * gate still ends every call that cannot get a place in time, so nothing hangs.
 */
public final class Admission {
  /** Weight of the newest lookup in the running means: about the last 20 lookups. */
  private static final double WEIGHT = 0.05;

  private final CallGate gate;
  private final Duration allowed;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong backendNanos = new AtomicLong();
  private final AtomicLong serviceNanos = new AtomicLong();

  /**
   * @param gate the backend's gate: its places, and how busy it is
   * @param allowed how long a lookup may take before its answer would come too late
   */
  public Admission(CallGate gate, Duration allowed) {
    this.gate = gate;
    this.allowed = allowed;
  }

  /** Returns an admission that only measures: for a backend nothing needs protecting from. */
  public static Admission unlimited(Duration allowed) {
    return new Admission(CallGate.unlimited(), allowed);
  }

  /** What admission decided for one lookup. */
  public sealed interface Decision permits Admitted, TurnedAway {
    /** How long the lookup is likely to take, or would have taken. */
    Duration likely();
  }

  /**
   * The lookup may run; the holder closes the ticket when it has answered.
   *
   * @param likely how long it is likely to take
   */
  public record Admitted(Duration likely, Ticket ticket) implements Decision {}

  /**
   * The lookup would not finish in time.
   *
   * @param likely how long it would likely have taken
   * @param allowed how long a lookup may take
   */
  public record TurnedAway(Duration likely, Duration allowed) implements Decision {}

  /** Decides for one new lookup. */
  public Decision admit() {
    long ahead = aheadNanos();
    long service = serviceNanos.get();
    // Only the wait the gate adds turns a lookup away. A backend slow on its own answers late for
    // everyone, and saying so ("did not answer in time") is more honest than "busy"; so the wait
    // must also exceed a quarter of the time, or a handful of lookups ahead of a slow backend
    // would turn agents away.
    long spare = Math.max(allowed.toNanos() - service, allowed.toNanos() / 4);
    if (ahead > spare) {
      return new TurnedAway(Duration.ofNanos(service + ahead), allowed);
    }
    running.incrementAndGet();
    return new Admitted(Duration.ofNanos(service + ahead), new Ticket());
  }

  /** Returns how long a new lookup is likely to take now. */
  public Duration likely() {
    return Duration.ofNanos(serviceNanos.get() + aheadNanos());
  }

  /** Returns how long the backend work of the lookups running delays a new one. */
  private long aheadNanos() {
    return (long) (running.get() * (double) backendNanos.get() / gate.capacity());
  }

  /** Returns how long a lookup may take before its answer would come too late. */
  public Duration allowed() {
    return allowed;
  }

  /** Returns how many admitted lookups have not answered yet. */
  public int running() {
    return running.get();
  }

  /**
   * Records a finished lookup.
   *
   * @param took how long it took
   * @param queued how long its calls waited for a place at the gate, in all
   * @param atBackend how long its calls held places at the backend, in all
   */
  void finished(Duration took, Duration queued, Duration atBackend) {
    long service = Math.max(0, took.minus(queued).toNanos());
    update(serviceNanos, service);
    update(backendNanos, atBackend.toNanos());
  }

  private static void update(AtomicLong mean, long value) {
    mean.getAndUpdate(old -> old == 0 ? value : (long) (old + WEIGHT * (value - old)));
  }

  /** An admitted lookup's place among the running ones; closing twice counts once. */
  public final class Ticket implements AutoCloseable {
    private boolean closed;

    private Ticket() {}

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        running.decrementAndGet();
      }
    }
  }
}
