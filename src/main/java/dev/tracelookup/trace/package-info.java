/**
 * The trace model every backend maps into, and the analysis on top of it: the span tree (orphans
 * under a synthetic root) and the error path from the entry span down to the culprit.
 *
 * <p>Depends on nothing else in the project: wire formats stay in their backend packages.
 */
package dev.tracelookup.trace;
