/**
 * From a ticket link to what a trace lookup needs: finding Zendesk, Jira / Jira Service
 * Management, Freshdesk and Intercom links in Slack messages, and resolving a ticket through its
 * system's API into the requester's product user ID, time zone and a suggested time window.
 */
package dev.tracelookup.tickets;
