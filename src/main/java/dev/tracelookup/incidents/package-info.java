/**
 * Known incidents and whether one explains a failing trace: sources (a YAML file, Statuspage,
 * PagerDuty, incident.io) refreshed in the background by {@link
 * dev.tracelookup.incidents.IncidentCatalog}, each normalised to an {@link
 * dev.tracelookup.incidents.Incident} window, and ranked against a trace's failure by time, service
 * and failure signature.
 */
package dev.tracelookup.incidents;
