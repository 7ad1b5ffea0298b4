package dev.tracelookup.tickets;

import dev.tracelookup.http.HttpFailure;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.TicketFailure.Kind;
import dev.tracelookup.tickets.links.TicketLink;
import java.util.Optional;

/**
 * Words for the agent when adding a note failed. Each says whether anything was written: nothing,
 * or, when the system did not confirm a write, that it may have been, and that pressing again is
 * safe because the bot looks for its note before writing.
 */
public final class WriteFailures {
  private static final String NOTHING = " Nothing was written.";
  private static final String AGAIN_IS_SAFE =
      " Press \"Add note to ticket\" again: the bot looks for its note first, so it is never"
          + " added twice.";

  private WriteFailures() {}

  /** Where the call failed: before anything was written, or on the write itself. */
  public enum Phase {
    /** Reading the ticket's notes for the marker: nothing was written. */
    READING,
    /** The write: without an answer, it may have landed. */
    WRITING
  }

  /** Returns the failure for an answer that is not a 2xx. */
  public static TicketFailure of(HttpResult<?> answer, TicketLink link, Phase phase) {
    String system = link.system().displayName();
    if (answer instanceof HttpResult.NotFound) {
      return failure(
          Kind.NOT_FOUND,
          link,
          link.reference()
              + " was not found, or the bot's "
              + system
              + " account may not see it: it may have been deleted or merged."
              + NOTHING,
          "not found (404)");
    }
    if (!(answer instanceof HttpResult.Failed<?> failed)) {
      throw new IllegalArgumentException("not a failure: " + answer);
    }
    return of(failed.failure(), link, phase);
  }

  private static TicketFailure of(HttpFailure failure, TicketLink link, Phase phase) {
    String system = link.system().displayName();
    boolean uncertain = phase == Phase.WRITING;
    return switch (failure.kind()) {
      case RATE_LIMITED ->
          new TicketFailure(
              Kind.RATE_LIMITED,
              Optional.of(link.system()),
              system
                  + " is rate-limiting the bot, so the note was not added."
                  + failure
                      .retryAfter()
                      .map(wait -> " Try again in " + Math.max(1, wait.toSeconds()) + " s.")
                      .orElse(" Try again in a minute."),
              failure.detail(),
              failure.retryAfter());
      case REJECTED -> rejected(failure, link);
      case NOT_FOUND ->
          failure(
              Kind.NOT_FOUND,
              link,
              link.reference() + " was not found." + NOTHING,
              failure.detail());
      case TIMEOUT, UNREACHABLE, SERVER_ERROR, MALFORMED ->
          failure(
              Kind.UNAVAILABLE,
              link,
              uncertain
                  ? system
                      + " did not confirm the note on "
                      + link.reference()
                      + ", so it may or may not be there."
                      + AGAIN_IS_SAFE
                  : system
                      + (failure.kind() == HttpFailure.Kind.SERVER_ERROR
                          ? " had an error"
                          : " did not answer")
                      + " while the bot read "
                      + link.reference()
                      + "'s notes."
                      + NOTHING
                      + " Try again in a minute.",
              failure.detail());
      case TOO_LARGE, BUSY, INTERNAL ->
          failure(
              Kind.INTERNAL,
              link,
              "The bot could not read "
                  + system
                  + "'s answer about "
                  + link.reference()
                  + (uncertain ? "; the note may be there." + AGAIN_IS_SAFE : "." + NOTHING)
                  + " Tell the team that runs the bot.",
              failure.detail());
    };
  }

  /** A 401 is the bot's write credentials, a 403 its rights on this ticket, a 409 a race. */
  private static TicketFailure rejected(HttpFailure failure, TicketLink link) {
    String system = link.system().displayName();
    int status = failure.status().orElse(0);
    String message;
    if (status == 401) {
      message =
          system
              + " did not accept the bot's write credentials. Ask the bot's admin to check"
              + " tickets."
              + link.system().name().toLowerCase(java.util.Locale.ROOT)
              + ".write-token-env."
              + NOTHING;
    } else if (status == 403) {
      message =
          "The bot's "
              + system
              + " account may not add internal notes to "
              + link.reference()
              + ". Ask the bot's admin to give its write account an agent role that can."
              + NOTHING;
    } else if (status == 409) {
      message =
          system
              + " refused the note because "
              + link.reference()
              + " was being changed at the same moment."
              + NOTHING
              + " Press \"Add note to ticket\" again.";
    } else if (status == 422) {
      // Zendesk answers a closed ticket, or one at its 5,000-comment limit, this way.
      message =
          system
              + " refused the note for "
              + link.reference()
              + " (422): a closed ticket, or one at its comment limit, takes no more notes."
              + NOTHING;
    } else {
      message =
          system
              + " refused the note for "
              + link.reference()
              + " ("
              + status
              + ")."
              + NOTHING
              + " Tell the team that runs the bot.";
    }
    Kind kind = status == 401 || status == 403 ? Kind.FORBIDDEN : Kind.UNAVAILABLE;
    return failure(kind, link, message, failure.detail());
  }

  private static TicketFailure failure(Kind kind, TicketLink link, String message, String detail) {
    return TicketFailure.of(kind, link.system(), message, detail);
  }
}
