/**
 * The trace backend abstraction: one query shape ({@link dev.tracelookup.backend.TraceQuery}),
 * results and expected failures as values, and one subpackage per backend that keeps its wire
 * format to itself and maps into {@link dev.tracelookup.trace}.
 */
package dev.tracelookup.backend;
