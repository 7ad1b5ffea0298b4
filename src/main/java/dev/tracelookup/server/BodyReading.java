package dev.tracelookup.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request body being gathered for {@link BodyReadHandler}: read as it becomes available, then
 * handed to the next handler in memory, or refused once it is too large or too slow.
 *
 * <p>Jetty never runs two demand callbacks of a request at once, so only the timer races with the
 * reading; {@link #over} decides which of them answers.
 */
final class BodyReading implements Invocable.Task {
  private static final Logger log = LoggerFactory.getLogger(BodyReading.class);

  /** What a body must keep to. */
  record Limits(int maxBytes, Duration timeout, long minRate, Duration grace) {}

  private final Handler next;
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final Limits limits;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final AtomicBoolean over = new AtomicBoolean();
  private final long startNanos = System.nanoTime();
  private volatile long received;
  private volatile Scheduler.Task timer;

  BodyReading(Handler next, Request request, Response response, Callback callback, Limits limits) {
    this.next = next;
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.limits = limits;
  }

  /**
   * Starts reading on the handling thread, which may hand the request on at once if the body is
   * there.
   */
  void start() {
    arm(Math.min(limits.timeout().toNanos(), limits.grace().toNanos()));
    read(false);
  }

  /** Called by Jetty when more of the body may be read. */
  @Override
  public void run() {
    read(true);
  }

  @Override
  public InvocationType getInvocationType() {
    // Reading what is there and copying it never blocks, so Jetty may call back on its I/O thread.
    return InvocationType.NON_BLOCKING;
  }

  private void read(boolean inCallback) {
    while (!over.get()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        if (over.compareAndSet(false, true)) {
          cancelTimer();
          callback.failed(chunk.getFailure());
        }
        return;
      }
      boolean last = chunk.isLast();
      take(chunk);
      if (received > limits.maxBytes()) {
        refuse(HttpStatus.PAYLOAD_TOO_LARGE_413, "request body too large");
        return;
      }
      if (last) {
        if (over.compareAndSet(false, true)) {
          cancelTimer();
          handOn(inCallback);
        }
        return;
      }
    }
  }

  private void take(Content.Chunk chunk) {
    try {
      ByteBuffer bytes = chunk.getByteBuffer();
      int length = bytes.remaining();
      if (received + length <= limits.maxBytes()) {
        byte[] copy = new byte[length];
        bytes.get(copy);
        body.write(copy, 0, length);
      }
      received += length;
    } finally {
      chunk.release();
    }
  }

  /**
   * Hands the request on with its body in memory, off Jetty's I/O thread when called back there.
   */
  private void handOn(boolean inCallback) {
    Request whole = new BufferedBodyRequest(request, body.toByteArray());
    if (inCallback) {
      request.getContext().execute(() -> handle(whole));
    } else {
      handle(whole);
    }
  }

  private void handle(Request whole) {
    try {
      if (!next.handle(whole, response, callback)) {
        Response.writeError(whole, response, callback, HttpStatus.NOT_FOUND_404);
      }
    } catch (Throwable failed) {
      Response.writeError(whole, response, callback, failed);
    }
  }

  /**
   * The timer: refuses a body past the timeout, or one that fell behind the minimum rate after the
   * grace; otherwise checks again when the body would next fall behind.
   */
  private void check() {
    if (over.get()) {
      return;
    }
    long elapsed = System.nanoTime() - startNanos;
    if (elapsed >= limits.timeout().toNanos()) {
      refuse(HttpStatus.REQUEST_TIMEOUT_408, "request body not received in time");
      return;
    }
    if (limits.minRate() > 0
        && elapsed >= limits.grace().toNanos()
        && received < expectedBy(elapsed)) {
      refuse(HttpStatus.REQUEST_TIMEOUT_408, "request body too slow");
      return;
    }
    arm(nextCheck(elapsed));
  }

  /** Returns the bytes a body on pace has sent after {@code elapsed} nanoseconds. */
  private long expectedBy(long elapsed) {
    return (long) (limits.minRate() * (elapsed / 1e9));
  }

  /**
   * Returns the delay until the body, if nothing more arrives, falls behind or runs out of time.
   */
  private long nextCheck(long elapsed) {
    long untilTimeout = limits.timeout().toNanos() - elapsed;
    if (limits.minRate() <= 0) {
      return untilTimeout;
    }
    long behindAt =
        Math.max(limits.grace().toNanos(), (long) ((received + 1) * 1e9 / limits.minRate()));
    return Math.max(1, Math.min(untilTimeout, behindAt - elapsed));
  }

  private void arm(long delayNanos) {
    timer =
        request
            .getComponents()
            .getScheduler()
            .schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void cancelTimer() {
    Scheduler.Task armed = timer;
    if (armed != null) {
      armed.cancel();
    }
  }

  private void refuse(int status, String message) {
    if (!over.compareAndSet(false, true)) {
      return;
    }
    cancelTimer();
    log.debug(
        "refused a request body from {} after {} bytes: {}",
        request.getConnectionMetaData().getRemoteSocketAddress(),
        received,
        message);
    BodyReadHandler.refuse(response, callback, status, message);
  }

  /** The request with its body already read: the next handlers read it from memory, at once. */
  private static final class BufferedBodyRequest extends Request.Wrapper {
    private Content.Chunk unread;

    BufferedBodyRequest(Request wrapped, byte[] body) {
      super(wrapped);
      this.unread = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk chunk = unread;
      unread = null;
      return chunk != null ? chunk : Content.Chunk.EOF;
    }

    @Override
    public void demand(Runnable demandCallback) {
      // Everything is in memory: there is always something to read.
      demandCallback.run();
    }
  }
}
