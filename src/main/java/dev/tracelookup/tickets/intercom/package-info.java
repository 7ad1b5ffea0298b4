/**
 * Resolves an Intercom conversation through the Intercom API, in its region: contact and external
 * ID.
 */
package dev.tracelookup.tickets.intercom;
