/**
 * Keeps customer data where it belongs: fingerprints of user IDs for logs and cache keys, masks for
 * secrets and personal data in any text a card shows ({@link dev.tracelookup.privacy.Redactor}),
 * and the allow-list of span attributes a card may show at all ({@link
 * dev.tracelookup.privacy.AttributePolicy}); who may look up at all ({@link
 * dev.tracelookup.privacy.AccessPolicy}), and the audit trail of who looked up what ({@link
 * dev.tracelookup.privacy.AuditLog}).
 */
package dev.tracelookup.privacy;
