package dev.tracelookup.backend.jaeger;

import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.util.Set;

/**
 * Reads a generated Jaeger answer of one trace with the given number of spans and prints the number
 * of spans and the service of the last; run in a small heap by {@link V1LargeTraceTest}.
 */
final class V1LargeTraceProbe {
  private V1LargeTraceProbe() {}

  public static void main(String[] args) throws IOException {
    int spanCount = Integer.parseInt(args[0]);
    Trace trace =
        new V1Reader(Set.of("user.id")).read(new GeneratedV1TraceStream(spanCount)).traces().get(0);
    System.out.println(trace.spans().size() + " " + trace.spans().get(spanCount - 1).service());
  }
}
