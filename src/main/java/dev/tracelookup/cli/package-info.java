/**
 * The command-line face: {@code lookup <same text as the slash command>} prints the card as text,
 * or with {@code --format blocks} the exact JSON message Slack would get.
 */
package dev.tracelookup.cli;
