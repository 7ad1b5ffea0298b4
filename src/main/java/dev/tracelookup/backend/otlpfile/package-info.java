/**
 * The embedded backend: a directory of OTLP JSON Lines files, as the OpenTelemetry Collector's file
 * exporter writes them, indexed once at startup for demos, tests and small installations.
 *
 * <p>The index keeps per trace only where its spans are and what searches filter on; spans are read
 * again from the files when a trace is returned.
 */
package dev.tracelookup.backend.otlpfile;
