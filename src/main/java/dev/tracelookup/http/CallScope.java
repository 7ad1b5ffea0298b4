package dev.tracelookup.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The time and memory one lookup may spend on backend calls, and the switch that ends them.
 *
 * <p>A lookup opens a scope and runs its work in it ({@link #call}); tasks it hands to executors
 * wrapped by {@link #propagating} run in it too. Every {@link BackendHttp} call made inside sees
 * the scope: it gives up when the scope's time is spent, charges the bytes it reads to the scope's
 * share of the {@link ReadBudget}, and registers what it is waiting for, so that {@link #abort()}
 * cancels the exchange or closes the streaming body at once. Without that, a backend that sent its
 * headers and then stalled held a thread until the backend gave up, long after the lookup had
 * answered. The scope travels in a thread-local rather than through {@code TraceBackend}'s methods
 * so that the backends stay unaware of it.
 */
public final class CallScope implements AutoCloseable {
  private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private final ReadBudget.Holder memory;
  private final Set<Runnable> onAbort = ConcurrentHashMap.newKeySet();
  private final LongAdder queuedNanos = new LongAdder();
  private final LongAdder heldNanos = new LongAdder();
  private volatile boolean aborted;

  private CallScope(long deadlineNanos, ReadBudget.Holder memory) {
    this.deadlineNanos = deadlineNanos;
    this.memory = memory;
  }

  /** Opens a scope that ends {@code budget} from now, reading within {@code reads}. */
  public static CallScope open(Duration budget, ReadBudget reads) {
    return new CallScope(System.nanoTime() + budget.toNanos(), reads.holder());
  }

  /** Returns the scope the current thread works in, if any. */
  public static Optional<CallScope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Runs the work with this scope current on this thread. */
  public <T> T call(Supplier<T> work) {
    CallScope outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      restore(outer);
    }
  }

  /**
   * Returns an executor whose tasks run in the scope that was current when they were handed over.
   */
  public static Executor propagating(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return task -> {
      CallScope scope = CURRENT.get();
      executor.execute(
          scope == null
              ? task
              : () ->
                  scope.call(
                      () -> {
                        task.run();
                        return null;
                      }));
    };
  }

  /**
   * Ends every call of the scope now: exchanges are cancelled, bodies closed, new calls refused.
   */
  public void abort() {
    aborted = true;
    for (Runnable action : onAbort) {
      action.run();
    }
    onAbort.clear();
  }

  /** Returns whether {@link #abort()} ended the scope; its time may also be spent without that. */
  public boolean aborted() {
    return aborted;
  }

  /** Records one call at a backend's gate: how long it waited for a place, and held it. */
  void gated(Duration waited, Duration held) {
    queuedNanos.add(waited.toNanos());
    heldNanos.add(held.toNanos());
  }

  /** Returns how long this scope's calls waited, in all, for a place at their backend's gate. */
  public Duration queued() {
    return Duration.ofNanos(queuedNanos.sum());
  }

  /** Returns how long this scope's calls kept places at their backend, in all. */
  public Duration backendTime() {
    return Duration.ofNanos(heldNanos.sum());
  }

  /** Returns the time left for calls, zero once it is spent or the scope was aborted. */
  public Duration left() {
    long left = deadlineNanos - System.nanoTime();
    return aborted || left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** Returns the bytes this scope holds in the shared read budget. */
  public long heldBytes() {
    return memory.held();
  }

  /** Aborts what is still running, then frees the bytes the scope's answers held. */
  @Override
  public void close() {
    abort();
    memory.release();
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  /** Returns whether calls must stop: the scope was aborted or its time is spent. */
  boolean over() {
    return aborted || deadlineNanos - System.nanoTime() <= 0;
  }

  ReadBudget.Holder memory() {
    return memory;
  }

  /**
   * Runs the action when the scope is aborted, or now if it already was, until the registration is
   * closed.
   */
  Registration onAbort(Runnable action) {
    onAbort.add(action);
    if (aborted) {
      onAbort.remove(action);
      action.run();
    }
    return () -> onAbort.remove(action);
  }

  /** Undoes {@link #onAbort}. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private static void restore(CallScope outer) {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }
}
