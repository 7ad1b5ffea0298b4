/**
 * Resolves a Zendesk ticket through the Zendesk API: requester, external ID or field, zone; and
 * adds private comments to it (write-back).
 */
package dev.tracelookup.tickets.zendesk;
