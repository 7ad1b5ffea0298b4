/**
 * The one lookup pipeline every face uses: reading what the agent typed into a request, then
 * cache, backend, analysis and rendering, ending in exactly one outcome.
 */
package dev.tracelookup.lookup;
