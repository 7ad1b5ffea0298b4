/**
 * Small, strict steps over a streaming Jackson parser that every trace reader shares: each surprise
 * in the input becomes a {@link dev.tracelookup.backend.json.JsonShapeException} naming what was
 * expected and where, never quoting the input (it carries customer IDs).
 */
package dev.tracelookup.backend.json;
