package dev.tracelookup.command;

import java.util.Set;

/**
 * Skips the little words agents type out of habit ("usr_1 at around 2:15pm", "between 2pm and 3pm",
 * "in Europe/Paris"), which carry no meaning the other readers need.
 */
final class FillerReader implements ClauseReader {
  private static final Set<String> FILLERS =
      Set.of(
          "at",
          "on",
          "in",
          "around",
          "about",
          "approx",
          "approximately",
          "~",
          "from",
          "between",
          "for",
          "user");

  @Override
  public boolean read(TokenCursor in, CommandDraft draft) {
    if (!FILLERS.contains(in.word(0))) {
      return false;
    }
    in.advance(1);
    return true;
  }
}
