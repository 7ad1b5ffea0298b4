/**
 * Keeps customer data where it belongs: fingerprints of user IDs for logs and cache keys, so no
 * raw customer ID is written anywhere an operator reads.
 */
package dev.tracelookup.privacy;
