/**
 * Resolves a Freshdesk ticket through the Freshdesk API: requester contact, unique external ID,
 * zone; and adds private notes to it (write-back).
 */
package dev.tracelookup.tickets.freshdesk;
