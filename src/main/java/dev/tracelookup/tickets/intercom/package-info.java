/**
 * Resolves an Intercom conversation through the Intercom API, in its region: contact and external
 * ID; and adds admin notes to it (write-back).
 */
package dev.tracelookup.tickets.intercom;
