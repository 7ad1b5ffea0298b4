package dev.tracelookup.backend.zipkin;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a generated trace of the given number of spans and prints how many spans it read; run in a
 * JVM with a small heap by {@link ZipkinJsonReaderLargeTraceTest}.
 */
final class ZipkinLargeTraceProbe {
  private ZipkinLargeTraceProbe() {}

  public static void main(String[] args) throws IOException {
    AtomicLong read = new AtomicLong();
    ZipkinJsonReader.readTraceList(
        new GeneratedZipkinTrace(Integer.parseInt(args[0])),
        (traceIndex, span) -> read.incrementAndGet());
    System.out.println(read.get());
  }
}
