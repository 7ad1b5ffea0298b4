package dev.tracelookup.app;

import dev.tracelookup.cli.LookupCommand;
import dev.tracelookup.config.Config;
import dev.tracelookup.telemetry.Telemetry;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Starts the {@code lookup} command-line face on the same object graph {@link Bot} serves. */
public final class LookupCli {
  private LookupCli() {}

  /**
   * Runs one lookup and prints its card; telemetry records nothing, as a one-off command has no
   * collector to send to.
   *
   * @param args what follows {@code lookup} on the command line
   * @param zone the zone times are read in when the arguments name none
   * @return the process exit code
   */
  public static int run(
      Config config,
      Clock clock,
      List<String> args,
      ZoneId zone,
      PrintStream out,
      PrintStream err) {
    Wiring wiring = new Wiring(config, clock, Telemetry.noop());
    return new LookupCommand(
            wiring.parser,
            wiring.lookup,
            wiring.presenter,
            wiring.usage(),
            out,
            err,
            wiring.notes,
            TicketWiring.links(config.tickets()))
        .withBlastRadii(wiring.blastRadii)
        .run(args, zone);
  }
}
