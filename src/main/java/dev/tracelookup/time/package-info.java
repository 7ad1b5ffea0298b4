/**
 * Reading and writing times and durations, in one place: the time of day as typed or written in a
 * ticket ({@code 2:15pm}, {@code noon}), the day words ({@code yesterday}, {@code 2/6}), lengths of
 * time ({@code 1h30m}, {@code 90 min}) and how times and durations read in replies and on cards.
 * The command parser, ticket text, config and render all use it; it depends on nothing else in the
 * bot.
 */
package dev.tracelookup.time;
