package dev.tracelookup.backend;

import dev.tracelookup.http.CallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Runs the searches one query is made of at the same time: Zipkin and Jaeger search by one user
 * attribute key at a time (and Jaeger by one entry service at a time), so a query over {@code
 * user.id} and {@code enduser.id} against a backend answering in 2 s took 4 s one after the other,
 * long enough for every lookup to post a progress message and for twice as many lookups to be in
 * flight, each holding its thread.
 *
 * <p>The caller's thread runs searches too, so a query of one search needs no other thread; at most
 * {@code width} run at once; the rest wait for a lane. Each search runs in the caller's {@link
 * CallScope}, so the lookup's deadline and abort reach every one of them.
 *
 * <p>Lanes beyond the callers' are a luxury, bounded across all lookups ({@code extraLanes}): each
 * holds a thread while it waits on the backend, and when the cores are saturated lookups take
 * longer, so unbounded lanes multiplied threads just when memory was tightest (in the card bench,
 * 2,948 threads and 711 MB in one run against 1,121 threads and 507 MB one after the other). With
 * every extra lane taken, a lookup runs its searches one after the other, as it used to.
 */
public final class SearchFanout {
  private final Executor executor;
  private final int width;
  private final Semaphore extraLanes;

  /**
   * @param executor runs the searches beyond the caller's; when it refuses, or runs a task on the
   *     caller's thread because it is full, the searches simply run one after the other
   * @param width at most this many searches of one query at once, the caller's included
   * @param extraLanes at most this many lanes beyond the callers' run at once, across all lookups
   */
  public SearchFanout(Executor executor, int width, int extraLanes) {
    this.executor = CallScope.propagating(Objects.requireNonNull(executor, "executor"));
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, was " + width);
    }
    if (extraLanes < 0) {
      throw new IllegalArgumentException("extraLanes must not be negative, was " + extraLanes);
    }
    this.width = width;
    this.extraLanes = new Semaphore(extraLanes);
  }

  /** Runs every search on the caller's thread, one after the other: for tools and tests. */
  public static SearchFanout oneAtATime() {
    return new SearchFanout(Runnable::run, 1, 0);
  }

  /** Runs the search for each of the inputs and returns the answers in the inputs' order. */
  public <I, T> List<T> all(List<I> inputs, Function<I, T> search) {
    AtomicReferenceArray<T> answers = new AtomicReferenceArray<>(inputs.size());
    AtomicInteger next = new AtomicInteger();
    Runnable lane =
        () -> {
          for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
            answers.set(i, search.apply(inputs.get(i)));
          }
        };
    int lanes = Math.min(width, inputs.size());
    List<CompletableFuture<Void>> running = new ArrayList<>(lanes);
    for (int i = 1; i < lanes && extraLanes.tryAcquire(); i++) {
      try {
        running.add(CompletableFuture.runAsync(lane, executor).whenComplete(this::freeLane));
      } catch (RejectedExecutionException full) {
        extraLanes.release();
        // The caller's lane takes the searches this one would have.
        break;
      }
    }
    lane.run();
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException failed) {
      // As if the search had run here: a bug in one surfaces as itself, not wrapped.
      if (failed.getCause() instanceof RuntimeException bug) {
        throw bug;
      }
      if (failed.getCause() instanceof Error error) {
        throw error;
      }
      throw failed;
    }
    List<T> inOrder = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      inOrder.add(answers.get(i));
    }
    return inOrder;
  }

  private void freeLane(Void done, Throwable failed) {
    extraLanes.release();
  }
}
