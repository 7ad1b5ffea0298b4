package dev.tracelookup.backend.otlpfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one line says that search needs, span by span: trace ID, times, whether the span fails, its
 * service and name, the user IDs it carries and the traces it links to. Filled by {@link
 * FactReader} and handed to the index only once the whole line was read, so a line that turns out
 * malformed adds nothing. One instance is reused line after line by one thread.
 */
final class LineFacts {
  private static final int FIRST_CAPACITY = 64;

  int spanCount;
  long[] traceHi = new long[FIRST_CAPACITY];
  long[] traceLo = new long[FIRST_CAPACITY];
  long[] start = new long[FIRST_CAPACITY];
  long[] end = new long[FIRST_CAPACITY];
  int[] service = new int[FIRST_CAPACITY];
  int[] name = new int[FIRST_CAPACITY];
  boolean[] failing = new boolean[FIRST_CAPACITY];

  /** The span each user ID was found on, and the ID. */
  final List<UserOnSpan> users = new ArrayList<>();

  /** The span each link was found on, and the linked trace. */
  final List<LinkOnSpan> links = new ArrayList<>();

  record UserOnSpan(int span, String userId) {}

  record LinkOnSpan(int span, long traceHi, long traceLo) {}

  void clear() {
    spanCount = 0;
    users.clear();
    links.clear();
  }

  /** Adds a span and returns its number within the line. */
  int addSpan(long hi, long lo, long startNanos, long endNanos, int nameId, boolean fails) {
    if (spanCount == traceHi.length) {
      grow();
    }
    int span = spanCount++;
    traceHi[span] = hi;
    traceLo[span] = lo;
    start[span] = startNanos;
    // As the span model does: a span that ends before it starts lasts nothing.
    end[span] = Math.max(startNanos, endNanos);
    name[span] = nameId;
    failing[span] = fails;
    service[span] = -1;
    return span;
  }

  private void grow() {
    int capacity = traceHi.length * 2;
    traceHi = Arrays.copyOf(traceHi, capacity);
    traceLo = Arrays.copyOf(traceLo, capacity);
    start = Arrays.copyOf(start, capacity);
    end = Arrays.copyOf(end, capacity);
    service = Arrays.copyOf(service, capacity);
    name = Arrays.copyOf(name, capacity);
    failing = Arrays.copyOf(failing, capacity);
  }
}
