/**
 * The bot's own telemetry: the {@link dev.tracelookup.telemetry.Telemetry} handed to every class
 * that records spans or metrics, and the attribute keys they share. Everything goes through {@code
 * opentelemetry-api}, so it is exported when an SDK or the Java agent is installed and costs next
 * to nothing otherwise.
 */
package dev.tracelookup.telemetry;
