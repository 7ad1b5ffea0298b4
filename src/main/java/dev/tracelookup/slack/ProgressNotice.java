package dev.tracelookup.slack;

import dev.tracelookup.lookup.LookupProgress;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one progress message of a slow lookup. A response URL takes five posts in 30 minutes, so a
 * lookup spends at most one on saying where it stands: one check, {@code after} the job started; if
 * the lookup is still running then, its progress is posted, once.
 *
 * <p>The final answer always comes last. {@link #finish()} is called before the final answer is
 * sent: a check that has not started never posts, and one that is posting is waited for, so its
 * message cannot land after (and replace) the answer.
 */
final class ProgressNotice {
  private final Object lock = new Object();
  private final LookupProgress.Tracker tracker;
  private final Consumer<LookupProgress> post;
  private ScheduledFuture<?> check;
  private boolean finished;
  private boolean attempted;

  private ProgressNotice(LookupProgress.Tracker tracker, Consumer<LookupProgress> post) {
    this.tracker = tracker;
    this.post = post;
  }

  /**
   * Schedules the check: {@code post} gets the lookup's progress if it has not finished by then.
   */
  static ProgressNotice schedule(
      ScheduledExecutorService timer,
      Duration after,
      LookupProgress.Tracker tracker,
      Consumer<LookupProgress> post) {
    ProgressNotice notice = new ProgressNotice(tracker, post);
    ScheduledFuture<?> check = timer.schedule(notice::check, after.toNanos(), TimeUnit.NANOSECONDS);
    synchronized (notice.lock) {
      notice.check = check;
    }
    return notice;
  }

  private void check() {
    synchronized (lock) {
      if (finished || attempted) {
        return;
      }
      attempted = true;
      // Posted while holding the lock: finish() waits for it, so the answer follows it.
      post.accept(tracker.now());
    }
  }

  /**
   * Stops any progress from being posted from now on, waiting for one being posted; returns whether
   * a progress message was tried, which the final answer should then replace.
   */
  boolean finish() {
    synchronized (lock) {
      finished = true;
      if (check != null) {
        check.cancel(false);
      }
      return attempted;
    }
  }
}
