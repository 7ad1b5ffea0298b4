/**
 * Resolves a Freshdesk ticket through the Freshdesk API: requester contact, unique external ID,
 * zone.
 */
package dev.tracelookup.tickets.freshdesk;
