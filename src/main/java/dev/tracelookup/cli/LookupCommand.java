package dev.tracelookup.cli;

import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.BlastReport;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.TraceLookup;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lookup [--format text|blocks] [--zone ZONE] <text>}: the slash command's pipeline,
 * printed.
 *
 * <p>Exit status: 0 when the lookup answered (traces or none), 1 when the backend failed, 2 when
 * the input could not be read.
 */
public final class LookupCommand {
  private final LookupRequestParser parser;
  private final TraceLookup lookup;
  private final LookupPresenter presenter;
  private final Optional<BlastRadii> blastRadii;
  private final String usage;
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param usage the slash command's help, shown after an unreadable command
   */
  public LookupCommand(
      LookupRequestParser parser,
      TraceLookup lookup,
      LookupPresenter presenter,
      String usage,
      PrintStream out,
      PrintStream err) {
    this(parser, lookup, presenter, Optional.empty(), usage, out, err);
  }

  /**
   * @param blastRadii counts the other customers with the featured failure, waited for here since a
   *     terminal has no card to update later
   */
  public LookupCommand(
      LookupRequestParser parser,
      TraceLookup lookup,
      LookupPresenter presenter,
      Optional<BlastRadii> blastRadii,
      String usage,
      PrintStream out,
      PrintStream err) {
    this.blastRadii = blastRadii;
    this.usage = usage;
    this.parser = parser;
    this.lookup = lookup;
    this.presenter = presenter;
    this.out = out;
    this.err = err;
  }

  /** Runs the command with the arguments after {@code lookup}; returns the exit status. */
  public int run(List<String> args, ZoneId defaultZone) {
    Options options = Options.read(args, defaultZone);
    if (options.problem() != null) {
      err.println(options.problem());
      err.println(USAGE);
      return 2;
    }
    ParseResult parsed = parser.parse(String.join(" ", options.words()), options.zone());
    if (!(parsed instanceof ParseResult.Parsed valid)) {
      if (parsed instanceof ParseResult.Invalid invalid) {
        err.println(invalid.problem());
        if (!invalid.understood().isEmpty()) {
          err.println("Understood so far: " + invalid.understood());
        }
      }
      err.println(USAGE);
      err.println(usage);
      return parsed instanceof ParseResult.HelpRequested ? 0 : 2;
    }
    LookupOutcome outcome = lookup.lookup(valid.request(), false);
    Optional<BlastReport> blast = blastRadii.flatMap(radii -> radii.countNow(outcome));
    out.println(
        options.blocks()
            ? presenter.present(outcome, options.zone(), Audience.terminal(), blast).toJson()
            : presenter.presentText(outcome, options.zone(), blast));
    return outcome instanceof LookupOutcome.Failed ? 1 : 0;
  }

  static final String USAGE =
      "usage: trace-lookup lookup [--format text|blocks] [--zone ZONE] <user-id> [time] [options]";

  /** The command line's own options, before the slash-command text. */
  record Options(List<String> words, boolean blocks, ZoneId zone, String problem) {
    static Options read(List<String> args, ZoneId defaultZone) {
      List<String> words = new ArrayList<>();
      boolean blocks = false;
      ZoneId zone = defaultZone;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--format") || arg.equals("--zone")) {
          if (i + 1 >= args.size()) {
            return new Options(words, blocks, zone, arg + " needs a value");
          }
          String value = args.get(++i);
          if (arg.equals("--format")) {
            if (!value.equals("text") && !value.equals("blocks")) {
              return new Options(words, blocks, zone, "--format is text or blocks, not " + value);
            }
            blocks = value.equals("blocks");
          } else {
            Optional<ZoneId> named = LookupRequestParser.zone(value);
            if (named.isEmpty()) {
              return new Options(
                  words,
                  blocks,
                  zone,
                  "--zone "
                      + value
                      + " is not a time zone: use "
                      + LookupRequestParser.ZONE_EXAMPLES);
            }
            zone = named.get();
          }
        } else {
          words.add(arg);
        }
      }
      return new Options(words, blocks, zone, null);
    }
  }
}
