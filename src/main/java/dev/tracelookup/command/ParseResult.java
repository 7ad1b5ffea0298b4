package dev.tracelookup.command;

import dev.tracelookup.lookup.LookupRequest;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

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
   * @param guess when pasted text was read but not surely (two IDs, two times, no ID beside a
   *     time), what the lookup form should start with, so the agent confirms rather than retypes
   */
  record Invalid(String problem, String understood, Optional<Guess> guess) implements ParseResult {
    public Invalid {
      Objects.requireNonNull(problem, "problem");
      understood = understood == null ? "" : understood;
      guess = guess == null ? Optional.empty() : guess;
    }

    public Invalid(String problem, String understood) {
      this(problem, understood, Optional.empty());
    }
  }

  /**
   * What was read from pasted text, as the lookup form's fields take it.
   *
   * @param userId the likeliest user ID, or empty
   * @param when the time as it was written ("Feb 6 2:15pm"), which the form reads again, or empty
   * @param zone the zone the text named, if any
   */
  record Guess(String userId, String when, Optional<ZoneId> zone) {
    public Guess {
      userId = userId == null ? "" : userId;
      when = when == null ? "" : when;
      zone = zone == null ? Optional.empty() : zone;
    }
  }
}
