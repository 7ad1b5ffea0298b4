/**
 * The Zipkin backend: searches Zipkin's v2 HTTP API by user ID through {@code annotationQuery},
 * which cannot escape anything, so unsafe IDs are refused before anything is sent; and reads Zipkin
 * v2 JSON, including what OpenTelemetry's Zipkin exporters write, into {@link
 * dev.tracelookup.trace.Span}. Nothing of the wire format leaves this package.
 */
package dev.tracelookup.backend.zipkin;
