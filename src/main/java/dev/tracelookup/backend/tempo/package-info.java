/**
 * Grafana Tempo (2.x and 3.x): TraceQL search by user ID over {@code /api/search}, trace by ID over
 * {@code /api/v2/traces} (or v1), and Grafana Explore links. TraceQL text, wire formats and readers
 * stay in this package; only {@link dev.tracelookup.backend.tempo.TempoBackend} and its options are
 * public.
 */
package dev.tracelookup.backend.tempo;
