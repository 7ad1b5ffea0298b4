package dev.tracelookup.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where requests or tasks that should be in flight together meet: each arrival waits, at most 5 s,
 * for all the others. Run one after the other, the first waits alone and says so; nothing sleeps.
 */
public final class Rendezvous {
  private final CountDownLatch arrivals;
  private final List<Boolean> met = new CopyOnWriteArrayList<>();

  public Rendezvous(int parties) {
    this.arrivals = new CountDownLatch(parties);
  }

  /** Arrives, waits for the others, and returns whether they all came in time. */
  public boolean arrive() {
    arrivals.countDown();
    boolean all;
    try {
      all = arrivals.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      all = false;
    }
    met.add(all);
    return all;
  }

  /** Returns, for each arrival in turn, whether it met all the others. */
  public List<Boolean> met() {
    return List.copyOf(met);
  }
}
