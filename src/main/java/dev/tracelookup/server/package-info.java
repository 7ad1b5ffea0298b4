/**
 * The HTTP face: embedded Jetty 12 (ee10) hosting Bolt's servlet at {@code /slack/events} behind
 * our own signature and size checks, {@code /healthz} (liveness), {@code /readyz} (readiness of the
 * backend, ticket systems, incident sources, Slack and the audit log, and which of them the bot
 * cannot serve without: {@code ReadinessPolicy}), and the JSON lookup API.
 */
package dev.tracelookup.server;
