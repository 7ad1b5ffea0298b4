/**
 * Keeps customer data where it belongs: fingerprints of user IDs for logs and cache keys, masks for
 * secrets and personal data in any text a card shows ({@link dev.tracelookup.privacy.Redactor}),
 * and the allow-list of span attributes a card may show at all ({@link
 * dev.tracelookup.privacy.AttributePolicy}).
 */
package dev.tracelookup.privacy;
