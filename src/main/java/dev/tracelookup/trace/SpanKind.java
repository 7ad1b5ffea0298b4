package dev.tracelookup.trace;

/** The OpenTelemetry span kind; Zipkin and Jaeger kinds map onto it. */
public enum SpanKind {
  UNSPECIFIED,
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER;

  private static final SpanKind[] BY_OTLP_NUMBER = values();

  /** Returns the kind for an OTLP enum number, {@link #UNSPECIFIED} for anything unknown. */
  public static SpanKind fromOtlpNumber(long number) {
    return number >= 0 && number < BY_OTLP_NUMBER.length
        ? BY_OTLP_NUMBER[(int) number]
        : UNSPECIFIED;
  }

  /**
   * Returns the kind for a name as the backends write it: {@code SPAN_KIND_SERVER} (Tempo), {@code
   * server} (Zipkin, Jaeger tags) or {@code SERVER}; {@link #UNSPECIFIED} when unknown.
   */
  public static SpanKind fromName(String name) {
    if (name == null) {
      return UNSPECIFIED;
    }
    String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
    if (upper.startsWith("SPAN_KIND_")) {
      upper = upper.substring("SPAN_KIND_".length());
    }
    for (SpanKind kind : BY_OTLP_NUMBER) {
      if (kind.name().equals(upper)) {
        return kind;
      }
    }
    return UNSPECIFIED;
  }
}
