/**
 * Typed configuration: the YAML file named by {@code TRACE_LOOKUP_CONFIG} plus the environment,
 * read once at startup into records, with every problem reported at once.
 *
 * <p>Nothing outside this package reads raw keys or environment variables.
 */
package dev.tracelookup.config;
