package dev.tracelookup.backend.otlp;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a generated trace of the given number of spans and prints how many spans it read; run in a
 * JVM with a small heap by {@link OtlpJsonReaderLargeTraceTest}.
 */
final class LargeTraceProbe {
  private LargeTraceProbe() {}

  public static void main(String[] args) throws IOException {
    int spanCount = Integer.parseInt(args[0]);
    AtomicLong read = new AtomicLong();
    new OtlpJsonReader(Set.of("user.id"))
        .read(new GeneratedTraceStream(spanCount), span -> read.incrementAndGet());
    System.out.println(read.get());
  }
}
