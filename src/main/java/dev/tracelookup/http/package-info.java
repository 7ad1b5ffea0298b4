/**
 * The bot's one outbound HTTP client, shared by trace backends, ticket systems and incident
 * sources: timeouts, retries with backoff inside a budget, {@code 429 Retry-After}, a response size
 * limit, a read budget shared by a lookup's calls, and every failure as a typed {@link
 * dev.tracelookup.http.HttpFailure} with its status. Reads are retried; writes (a ticket note) get
 * one attempt, since a retried write that had landed would write twice. Each caller maps failures
 * to its own failure and words; nothing here imports them.
 */
package dev.tracelookup.http;
