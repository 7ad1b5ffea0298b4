/**
 * The Jaeger backend: searches by user ID through Jaeger's api/v3 HTTP gateway (OTLP JSON) or, for
 * deployments up to v2.20, its older {@code /api/traces} JSON API, and maps both wire formats into
 * {@link dev.tracelookup.trace}. Wire types stay in this package.
 */
package dev.tracelookup.backend.jaeger;
