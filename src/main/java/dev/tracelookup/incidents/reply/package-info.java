/**
 * The customer reply an agent edits before sending it themselves: built from a template in {@code
 * config/}, stating the customer's local time, what they tried, and the incident in customer words,
 * never internal names or trace IDs. The bot never sends it.
 */
package dev.tracelookup.incidents.reply;
