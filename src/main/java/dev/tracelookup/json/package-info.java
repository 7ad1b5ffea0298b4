/**
 * The JSON mapper the bot shares wherever it needs Jackson's defaults: small trees read from Slack
 * and API callers, and the JSON it writes for tokens, audit lines and backend filters. Mappers with
 * a configuration of their own stay beside their one user. It depends on nothing else in the bot.
 */
package dev.tracelookup.json;
