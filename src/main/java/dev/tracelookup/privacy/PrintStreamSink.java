package dev.tracelookup.privacy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Audit lines to a print stream, standard output by default. A {@link PrintStream} swallows its I/O
 * errors (a closed pipe, a full disk behind a redirect), so each line is checked after it is
 * written: a lost line must be reported, not silently counted as audited.
 */
public final class PrintStreamSink implements AuditSink {
  private final PrintStream out;

  public PrintStreamSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void write(String line) {
    out.println(line);
    // checkError flushes, so the line has left the process when it answers false.
    if (out.checkError()) {
      throw new UncheckedIOException(new IOException("the stream refused the audit line"));
    }
  }
}
