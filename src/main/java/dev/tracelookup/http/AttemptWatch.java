package dev.tracelookup.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends one HTTP attempt when its time is up or its lookup is aborted, whatever it is waiting for.
 *
 * <p>The JDK client's request timeout covers the wait for the headers only: a backend that sends
 * its headers and then stalls the body would hold the reading thread for as long as the backend
 * keeps the connection open. So the watch cancels the exchange while the headers are awaited, and
 * closes the body once it streams, which wakes a reader blocked on it with an {@link IOException}.
 * The timer is the JDK's own delay scheduler ({@link CompletableFuture#orTimeout}), cancelled as
 * soon as the attempt ends, so no thread of ours waits on it.
 */
final class AttemptWatch implements AutoCloseable {
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final CompletableFuture<?> exchange;
  private final CallScope.Registration abortHook;
  private volatile InputStream body;
  private volatile Ending ending = Ending.NONE;

  /** Why the watch ended the attempt. */
  enum Ending {
    NONE,
    /** The attempt's time ran out. */
    EXPIRED,
    /** The lookup was aborted or its budget spent. */
    ABORTED
  }

  AttemptWatch(Duration timeout, CompletableFuture<?> exchange, Optional<CallScope> scope) {
    this.exchange = exchange;
    done.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .whenComplete(
            (ignored, timedOut) -> {
              if (timedOut != null) {
                stop(Ending.EXPIRED);
              }
            });
    this.abortHook = scope.map(s -> s.onAbort(() -> stop(Ending.ABORTED))).orElse(() -> {});
  }

  /** Watches the body from now on; closes it at once if the attempt already ended. */
  InputStream watch(InputStream streaming) {
    body = streaming;
    if (ending != Ending.NONE) {
      closeQuietly(streaming);
    }
    return streaming;
  }

  /** Returns why the attempt was ended early, or {@link Ending#NONE}. */
  Ending ending() {
    return ending;
  }

  private void stop(Ending why) {
    if (ending == Ending.NONE) {
      ending = why;
    }
    exchange.cancel(true);
    InputStream streaming = body;
    if (streaming != null) {
      closeQuietly(streaming);
    }
  }

  private static void closeQuietly(InputStream streaming) {
    try {
      streaming.close();
    } catch (IOException alreadyBroken) {
      // The reader sees the broken stream; nothing more to do here.
    }
  }

  /** The attempt is over: the timer is cancelled and the lookup's abort no longer reaches it. */
  @Override
  public void close() {
    done.complete(null);
    abortHook.close();
  }
}
