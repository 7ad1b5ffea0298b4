/**
 * The HTTP client every remote backend shares: timeouts, retries with backoff inside a budget,
 * {@code 429 Retry-After}, a response size limit, and the mapping of every failure to a {@link
 * dev.tracelookup.backend.BackendFailure} an agent can read.
 */
package dev.tracelookup.http;
