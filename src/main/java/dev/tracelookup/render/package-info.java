/**
 * Turns lookup results into what people read: Slack Block Kit messages within Slack's limits, the
 * same card as plain text for the command line, and the short messages around them.
 */
package dev.tracelookup.render;
