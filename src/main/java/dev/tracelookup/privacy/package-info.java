/**
 * Keeps customer data where it belongs: keyed fingerprints of user IDs for logs, audit lines and
 * shared cards ({@link dev.tracelookup.privacy.UserIdFingerprint}), the one customer's ID masked in
 * what a channel reads ({@link dev.tracelookup.privacy.CustomerIds}), masks for secrets and
 * personal data in any text a card shows ({@link dev.tracelookup.privacy.Redactor}), and the
 * allow-list of span attributes a card may show at all ({@link
 * dev.tracelookup.privacy.AttributePolicy}); who may look up at all ({@link
 * dev.tracelookup.privacy.AccessPolicy}), and the audit trail of who looked up what ({@link
 * dev.tracelookup.privacy.AuditLog}).
 */
package dev.tracelookup.privacy;
