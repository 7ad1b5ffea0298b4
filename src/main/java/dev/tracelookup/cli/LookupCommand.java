package dev.tracelookup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.json.JsonMappers;
import dev.tracelookup.lookup.LookupDocument;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.TraceLookup;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code lookup [--format text|blocks|json] [--zone ZONE] <text>}: the slash command's pipeline,
 * printed: as the card's text, as the exact Slack message JSON, or as the document {@code
 * /api/lookup} answers, for scripts.
 *
 * <p>Exit status: 0 when the lookup answered (traces or none), 1 when the backend failed, 2 when
 * the input could not be read.
 */
public final class LookupCommand {
  private final LookupRequestParser parser;
  private final TraceLookup lookup;
  private final LookupPresenter presenter;
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
    out.println(print(outcome, options));
    return outcome instanceof LookupOutcome.Failed ? 1 : 0;
  }

  private String print(LookupOutcome outcome, Options options) {
    switch (options.format()) {
      case BLOCKS:
        return presenter.present(outcome, options.zone()).toJson();
      case JSON:
        try {
          return JsonMappers.ANSWERS.writeValueAsString(
              LookupDocument.of(outcome, lookup.backendName()));
        } catch (JsonProcessingException bug) {
          throw new IllegalStateException("the lookup document is plain maps and lists", bug);
        }
      default:
        return presenter.presentText(outcome, options.zone());
    }
  }

  static final String USAGE =
      "usage: trace-lookup lookup [--format text|blocks|json] [--zone ZONE] <user-id> [time]"
          + " [options]";

  /** How the answer is printed. */
  enum Format {
    TEXT,
    BLOCKS,
    JSON
  }

  /** The command line's own options, before the slash-command text. */
  record Options(List<String> words, Format format, ZoneId zone, String problem) {
    static Options read(List<String> args, ZoneId defaultZone) {
      List<String> words = new ArrayList<>();
      Format blocks = Format.TEXT;
      ZoneId zone = defaultZone;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--format") || arg.equals("--zone")) {
          if (i + 1 >= args.size()) {
            return new Options(words, blocks, zone, arg + " needs a value");
          }
          String value = args.get(++i);
          if (arg.equals("--format")) {
            Optional<Format> format =
                Arrays.stream(Format.values())
                    .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(value))
                    .findFirst();
            if (format.isEmpty()) {
              return new Options(
                  words, blocks, zone, "--format is text, blocks or json, not " + value);
            }
            blocks = format.get();
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
