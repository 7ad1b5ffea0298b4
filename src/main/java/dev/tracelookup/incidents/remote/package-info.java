/**
 * Incident sources behind HTTP APIs: Atlassian Statuspage (public page and management API),
 * PagerDuty REST v2 and incident.io v2. Each reads its vendor's JSON into package-private records
 * and normalises them to {@link dev.tracelookup.incidents.Incident}; the wire formats go no
 * further. All calls go through {@link dev.tracelookup.http.BackendHttp}.
 */
package dev.tracelookup.incidents.remote;
