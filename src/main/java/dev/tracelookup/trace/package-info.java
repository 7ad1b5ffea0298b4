/**
 * The trace model every backend maps into, and the analysis on top of it: the span tree (orphans
 * under a synthetic root), the verdict on what the customer saw, the error path from the entry span
 * down to the culprit a careful engineer would name, and the rows of a compact waterfall.
 *
 * <p>Depends on nothing else in the project: wire formats stay in their backend packages.
 */
package dev.tracelookup.trace;
