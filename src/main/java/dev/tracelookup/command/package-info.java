/**
 * The slash-command language: what an agent types ({@code usr_k8x9m2 2:15pm tz Europe/Paris
 * errors}) read into a {@link dev.tracelookup.lookup.LookupRequest}, or what was understood and how
 * to fix it, and pasted prose read for the customer and the time it names. The faces (Slack, the
 * CLI, the lookup form) parse with it; it never throws.
 */
package dev.tracelookup.command;
