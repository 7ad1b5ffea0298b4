package dev.tracelookup.command;

/** Reads one clause of the command at the cursor: an option, a zone, a time, or the user ID. */
interface ClauseReader {

  /**
   * Takes the tokens of a clause this reader knows and records it, or what is wrong with it, in the
   * draft.
   *
   * @return whether it took any tokens; when not, the next reader gets a turn
   */
  boolean read(TokenCursor in, CommandDraft draft);
}
