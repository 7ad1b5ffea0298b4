/**
 * The embedded backend: a directory of OTLP JSON Lines files, as the OpenTelemetry Collector's file
 * exporter writes and rotates them, followed while it is written, for demos, tests and small teams
 * without a trace store.
 *
 * <p>The index keeps per trace only where its spans are and what searches filter on, in primitive
 * arrays; spans are read again from the files when a trace is returned.
 */
package dev.tracelookup.backend.otlpfile;
