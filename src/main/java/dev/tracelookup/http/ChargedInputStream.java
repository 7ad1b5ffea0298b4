package dev.tracelookup.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Charges the bytes of a body to its lookup's share of the {@link ReadBudget} before they are read,
 * a step at a time, so a body is refused before the reader turns it into spans that do not fit.
 * Charging ahead by a step rather than per read keeps the shared lock off the hot path.
 */
final class ChargedInputStream extends FilterInputStream {
  static final int STEP = 64 * 1024;

  private final ReadBudget.Read read;
  private final CallScope scope;
  private long charged;
  private long count;

  /**
   * @param precharged bytes the read was already charged before the request was sent
   */
  ChargedInputStream(InputStream in, ReadBudget.Read read, CallScope scope, long precharged) {
    super(in);
    this.read = read;
    this.scope = scope;
    this.charged = precharged;
  }

  @Override
  public int read() throws IOException {
    ensure(1);
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int wanted = Math.min(length, STEP);
    ensure(wanted);
    int n = super.read(buffer, offset, wanted);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long wanted = Math.min(n, STEP);
    ensure(wanted);
    long skipped = super.skip(wanted);
    count += Math.max(0, skipped);
    return skipped;
  }

  private void ensure(long bytes) throws ReadBudget.Refused {
    if (count + bytes > charged) {
      long step = Math.max(STEP, count + bytes - charged);
      read.charge(step, scope.deadlineNanos(), scope::over);
      charged += step;
    }
  }
}
