/**
 * Resolves a Jira or Jira Service Management issue through its REST API (Cloud v3, Data Center v2):
 * reporter or customer, a configured user-ID field, zone, and the description's text; and adds
 * internal comments to it (write-back), in ADF on Cloud and wiki markup on Data Center.
 */
package dev.tracelookup.tickets.jira;
