/**
 * A lenient, streaming reader of OTLP JSON traces, shared by every backend that speaks it: the
 * collector file exporter, Tempo's trace-by-ID dialects and Jaeger's api/v3.
 *
 * <p>It maps the wire format straight into {@link dev.tracelookup.trace.Span}, so nothing of the
 * wire format leaves this package.
 */
package dev.tracelookup.backend.otlp;
