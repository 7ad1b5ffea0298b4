package dev.tracelookup.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose time moves only when the test says: {@link #advance} runs, in the calling
 * thread, every task that has come due, including tasks those tasks schedule. {@link #execute} runs
 * at once. Nothing ever blocks, so {@code get()} on a task that has not run fails the test.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final List<Task> pending = new ArrayList<>();
  private Duration now = Duration.ZERO;
  private boolean shutdown;

  /** Returns how far in the future each pending task is due, soonest first. */
  public synchronized List<Duration> pendingDelays() {
    return pending.stream()
        .sorted(Comparator.comparing(Task::due))
        .map(task -> task.due.minus(now))
        .toList();
  }

  /** Moves time forward, running every task that comes due on the way, in due order. */
  public void advance(Duration by) {
    Duration target;
    synchronized (this) {
      target = now.plus(by);
    }
    for (Optional<Task> next = nextDue(target); next.isPresent(); next = nextDue(target)) {
      next.get().run();
    }
    synchronized (this) {
      now = target;
    }
  }

  private synchronized Optional<Task> nextDue(Duration target) {
    Optional<Task> next =
        pending.stream()
            .filter(task -> task.due.compareTo(target) <= 0)
            .min(Comparator.comparing(Task::due));
    next.ifPresent(
        task -> {
          pending.remove(task);
          now = task.due;
        });
    return next;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(command, duration(delay, unit), Optional.empty());
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new IllegalStateException("ManualScheduler runs Runnables only");
  }

  @Override
  public synchronized ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return add(command, duration(initialDelay, unit), Optional.of(duration(period, unit)));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    // Tasks take no time on this clock, so fixed delay and fixed rate coincide.
    return scheduleAtFixedRate(command, initialDelay, delay, unit);
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> never = new ArrayList<>(pending);
    pending.clear();
    return never;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private static Duration duration(long amount, TimeUnit unit) {
    return Duration.ofNanos(unit.toNanos(amount));
  }

  private Task add(Runnable command, Duration delay, Optional<Duration> period) {
    if (shutdown) {
      throw new RejectedExecutionException("shut down");
    }
    Task task = new Task(command, now.plus(delay), period);
    pending.add(task);
    return task;
  }

  /** One scheduled run; periodic tasks put themselves back after running. */
  private final class Task implements ScheduledFuture<Object>, Runnable {
    private final Runnable command;
    private final Optional<Duration> period;
    private Duration due;
    private boolean cancelled;
    private boolean done;

    Task(Runnable command, Duration due, Optional<Duration> period) {
      this.command = command;
      this.due = due;
      this.period = period;
    }

    Duration due() {
      return due;
    }

    @Override
    public void run() {
      command.run();
      synchronized (ManualScheduler.this) {
        if (period.isPresent() && !cancelled) {
          due = due.plus(period.get());
          pending.add(this);
        } else {
          done = true;
        }
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      synchronized (ManualScheduler.this) {
        return unit.convert(due.minus(now));
      }
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (ManualScheduler.this) {
        boolean removed = pending.remove(this);
        cancelled |= removed;
        return removed;
      }
    }

    @Override
    public boolean isCancelled() {
      synchronized (ManualScheduler.this) {
        return cancelled;
      }
    }

    @Override
    public boolean isDone() {
      synchronized (ManualScheduler.this) {
        return done || cancelled;
      }
    }

    @Override
    public Object get() {
      if (!isDone()) {
        throw new AssertionError("ManualScheduler task has not run; advance the scheduler first");
      }
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return get();
    }
  }
}
