/**
 * The entry point, {@link dev.tracelookup.Main}: it reads the environment and the configuration
 * file and starts one face through {@code app.Bot} ({@code serve}) or {@code app.LookupCli} ({@code
 * lookup}). Everything else lives in the packages below; CONTRIBUTING.md lays them out.
 */
package dev.tracelookup;
