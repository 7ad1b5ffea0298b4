/** Resolves a Zendesk ticket through the Zendesk API: requester, external ID or field, zone. */
package dev.tracelookup.tickets.zendesk;
