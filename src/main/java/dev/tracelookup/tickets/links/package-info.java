/**
 * Finds ticket links in Slack messages (text, blocks, Slack's {@code <url|label>} markup) and tells
 * which system and ticket each names: Zendesk, Jira and Jira Service Management (Cloud and Data
 * Center), Freshdesk, Intercom, with custom domains.
 */
package dev.tracelookup.tickets.links;
