package dev.tracelookup.bench;

import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TraceLookup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A hundred agents send the same lookup at the same instant (an incident channel all pasting one
 * customer's ID) while the backend takes 200 ms to search: how many searches reach the backend.
 */
final class Stampede {
  static final int AGENTS = 100;

  /** What the stampede cost the backend and the agents. */
  record Result(int backendSearches, int answered, long wallMillis) {}

  private Stampede() {}

  static Result run() throws InterruptedException, ExecutionException, OtlpFormatException {
    FakeBackend backend = new FakeBackend(10, 50, Duration.ofMillis(200), Duration.ofMillis(10));
    ExecutorService agents = Executors.newFixedThreadPool(AGENTS);
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      TraceLookup lookup = Lookups.over(backend, pool);
      LookupRequest request = Lookups.request();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<LookupOutcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < AGENTS; i++) {
        outcomes.add(
            agents.submit(
                () -> {
                  start.await();
                  return lookup.lookup(request, false);
                }));
      }
      long started = System.nanoTime();
      start.countDown();
      int answered = 0;
      for (Future<LookupOutcome> outcome : outcomes) {
        answered += outcome.get() instanceof LookupOutcome.Found ? 1 : 0;
      }
      return new Result(backend.searches(), answered, (System.nanoTime() - started) / 1_000_000);
    } finally {
      agents.shutdownNow();
      pool.shutdownNow();
    }
  }
}
