/**
 * The one lookup pipeline every face uses: cache, backend search, linked traces, analysis and
 * ranking, ending in exactly one outcome, and how that outcome is presented to its audience.
 */
package dev.tracelookup.lookup;
