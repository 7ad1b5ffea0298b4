package dev.tracelookup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.json.JsonMappers;
import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.BlastReport;
import dev.tracelookup.lookup.LookupDocument;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.NoteTaker;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.tickets.NoteResult;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.links.TicketLinks;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code lookup [--format text|blocks|json] [--zone ZONE] [--note-ticket URL] <text>}: the slash
 * command's pipeline, printed: as the card's text, as the exact Slack message JSON, or as the
 * document {@code /api/lookup} answers, for scripts.
 *
 * <p>{@code --note-ticket} names the ticket the lookup is for: the finding is written into it as an
 * internal note, once (a second run says it is already noted), and {@code --format blocks} prints
 * the card as the agent gets it for that ticket, with "Add note to ticket".
 *
 * <p>Exit status: 0 when the lookup answered (traces or none) and any note was written or already
 * there, 1 when the backend failed or the note could not be written, 2 when the input could not be
 * read.
 */
public final class LookupCommand {
  private final LookupRequestParser parser;
  private final TraceLookup lookup;
  private final LookupPresenter presenter;
  private final Optional<BlastRadii> blastRadii;
  private final String usage;
  private final PrintStream out;
  private final PrintStream err;
  private final Optional<NoteTaker> notes;
  private final Optional<TicketLinks> links;

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
    this(
        parser,
        lookup,
        presenter,
        usage,
        out,
        err,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * @param notes writes findings into tickets, for {@code --note-ticket}
   * @param links reads the ticket link {@code --note-ticket} names
   */
  public LookupCommand(
      LookupRequestParser parser,
      TraceLookup lookup,
      LookupPresenter presenter,
      String usage,
      PrintStream out,
      PrintStream err,
      NoteTaker notes,
      TicketLinks links) {
    this(
        parser,
        lookup,
        presenter,
        usage,
        out,
        err,
        Optional.of(notes),
        Optional.of(links),
        Optional.empty());
  }

  private LookupCommand(
      LookupRequestParser parser,
      TraceLookup lookup,
      LookupPresenter presenter,
      String usage,
      PrintStream out,
      PrintStream err,
      Optional<NoteTaker> notes,
      Optional<TicketLinks> links,
      Optional<BlastRadii> blastRadii) {
    this.usage = usage;
    this.parser = parser;
    this.lookup = lookup;
    this.presenter = presenter;
    this.out = out;
    this.err = err;
    this.notes = notes;
    this.links = links;
    this.blastRadii = blastRadii;
  }

  /**
   * Returns this command counting the other customers with the featured failure, waited for here
   * since a terminal has no card to update later.
   */
  public LookupCommand withBlastRadii(BlastRadii radii) {
    return new LookupCommand(
        parser, lookup, presenter, usage, out, err, notes, links, Optional.of(radii));
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
    Optional<TicketLink> ticket = Optional.empty();
    if (options.noteTicket().isPresent()) {
      ticket = links.flatMap(known -> known.parse(options.noteTicket().get()));
      if (ticket.isEmpty() || notes.isEmpty()) {
        err.println(
            "--note-ticket "
                + options.noteTicket().get()
                + " is not a Zendesk, Jira, Freshdesk or Intercom ticket link this bot knows");
        return 2;
      }
    }
    LookupOutcome outcome = lookup.lookup(valid.request(), false);
    Optional<BlastReport> blast = blastRadii.flatMap(radii -> radii.countNow(outcome));
    out.println(print(outcome, options, ticket, blast));
    if (outcome instanceof LookupOutcome.Failed) {
      return 1;
    }
    return ticket.isPresent() ? note(valid.request(), ticket.get(), blast) : 0;
  }

  private String print(
      LookupOutcome outcome,
      Options options,
      Optional<TicketLink> ticket,
      Optional<BlastReport> blast) {
    switch (options.format()) {
      case BLOCKS:
        return presenter.present(outcome, options.zone(), audience(ticket), blast).toJson();
      case JSON:
        try {
          return JsonMappers.ANSWERS.writeValueAsString(
              LookupDocument.of(outcome, lookup.backendName(), blast));
        } catch (JsonProcessingException bug) {
          throw new IllegalStateException("the lookup document is plain maps and lists", bug);
        }
      default:
        return presenter.presentText(outcome, options.zone(), blast);
    }
  }

  /** The card for a ticket is the agent's, with its buttons; without one, a terminal's. */
  private static Audience audience(Optional<TicketLink> ticket) {
    return ticket.isPresent() ? Audience.agent(false).forTicket(ticket) : Audience.terminal();
  }

  /** Writes the note, with the count of other customers when it was counted. */
  private int note(LookupRequest request, TicketLink ticket, Optional<BlastReport> blast) {
    Optional<String> radius =
        blast
            .filter(BlastReport.Counted.class::isInstance)
            .map(counted -> ((BlastReport.Counted) counted).radius().line());
    NoteResult result = notes.get().note(request, ticket, radius).result();
    boolean noted =
        result instanceof NoteResult.Written || result instanceof NoteResult.AlreadyNoted;
    (noted ? out : err).println(result.message());
    return noted ? 0 : 1;
  }

  static final String USAGE =
      "usage: trace-lookup lookup [--format text|blocks|json] [--zone ZONE] [--note-ticket URL]"
          + " <user-id> [time] [options]";

  /** How the answer is printed. */
  enum Format {
    TEXT,
    BLOCKS,
    JSON
  }

  /** The command line's own options, before the slash-command text. */
  record Options(
      List<String> words, Format format, ZoneId zone, String problem, Optional<String> noteTicket) {
    Options(List<String> words, Format format, ZoneId zone, String problem) {
      this(words, format, zone, problem, Optional.empty());
    }

    static Options read(List<String> args, ZoneId defaultZone) {
      List<String> words = new ArrayList<>();
      Format blocks = Format.TEXT;
      ZoneId zone = defaultZone;
      Optional<String> noteTicket = Optional.empty();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--format") || arg.equals("--zone") || arg.equals("--note-ticket")) {
          if (i + 1 >= args.size()) {
            return new Options(words, blocks, zone, arg + " needs a value");
          }
          String value = args.get(++i);
          if (arg.equals("--note-ticket")) {
            noteTicket = Optional.of(value);
          } else if (arg.equals("--format")) {
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
      return new Options(words, blocks, zone, null, noteTicket);
    }
  }
}
