package dev.tracelookup.tickets;

import java.util.Objects;

/** How adding a note to a ticket ended: exactly one of these reaches the agent. */
public sealed interface NoteResult
    permits NoteResult.Written, NoteResult.AlreadyNoted, NoteResult.Failed, NoteResult.Skipped {

  /** Returns the sentence the agent reads. */
  String message();

  /**
   * The note was written, once.
   *
   * @param url where agents open it: the comment itself where the system links to one, else the
   *     ticket
   */
  record Written(String reference, String url) implements NoteResult {
    public Written {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String message() {
      return "Added an internal note to " + reference + " (not visible to the customer): " + url;
    }
  }

  /** The ticket already holds this lookup's note; nothing was written. */
  record AlreadyNoted(String reference, String url) implements NoteResult {
    public AlreadyNoted {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String message() {
      return reference + " is already noted with this finding; nothing was written again: " + url;
    }
  }

  /** Nothing was written, for the reason the failure gives in words for the agent. */
  record Failed(TicketFailure failure) implements NoteResult {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public String message() {
      return failure.message();
    }
  }

  /** There was nothing to write: the lookup found no traces, or could not run. */
  record Skipped(String message) implements NoteResult {
    public Skipped {
      Objects.requireNonNull(message, "message");
    }
  }
}
