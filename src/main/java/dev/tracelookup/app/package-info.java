/**
 * The application: builds the object graph by hand from the configuration ({@code Wiring}, one
 * builder per kind of dependency: {@code Backends}, {@code TicketWiring}, {@code IncidentWiring},
 * {@code ReadinessWiring}) and starts a face on it: {@link dev.tracelookup.app.Bot#start} for the
 * server and Slack, {@link dev.tracelookup.app.LookupCli} for the command line.
 *
 * <p>The only package that knows every other one; no main code imports it but {@code Main}.
 */
package dev.tracelookup.app;
