/**
 * The Slack face: Bolt listeners (one class per handler), the agent's time zone from {@code
 * users.info}, and answers through {@code response_url}. Handlers ack at once and run lookups on a
 * bounded executor, so every invocation gets exactly one final answer.
 */
package dev.tracelookup.slack;
