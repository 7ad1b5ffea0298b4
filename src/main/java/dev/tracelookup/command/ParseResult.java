package dev.tracelookup.command;

import dev.tracelookup.lookup.LookupRequest;
import java.util.Objects;

/** What the command text turned out to be. */
public sealed interface ParseResult
    permits ParseResult.Parsed, ParseResult.HelpRequested, ParseResult.Invalid {

  /** A lookup to run. */
  record Parsed(LookupRequest request) implements ParseResult {
    public Parsed {
      Objects.requireNonNull(request, "request");
    }
  }

  /** The agent asked for help ({@code help}, {@code ?}, or nothing at all). */
  record HelpRequested() implements ParseResult {}

  /**
   * The text could not be read as a lookup.
   *
   * @param problem what is wrong and how to fix it, one or two sentences
   * @param understood what was understood so far, quoted back ("user usr_1, time 2:15 PM"), or
   *     empty
   */
  record Invalid(String problem, String understood) implements ParseResult {
    public Invalid {
      Objects.requireNonNull(problem, "problem");
      understood = understood == null ? "" : understood;
    }
  }
}
