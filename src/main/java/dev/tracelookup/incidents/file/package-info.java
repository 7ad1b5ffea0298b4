/**
 * Incidents kept in a YAML file next to the configuration: no vendor needed, and the only source
 * that can carry a failure signature and a customer-facing summary.
 */
package dev.tracelookup.incidents.file;
