package dev.tracelookup.tickets;

import dev.tracelookup.http.HttpFailure;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.TicketFailure.Kind;
import dev.tracelookup.tickets.links.TicketLink;
import java.util.Optional;

/** Words for the agent when a ticket system call did not give an answer. */
public final class Failures {
  private static final String INSTEAD = " You can type the user ID and time instead.";

  private Failures() {}

  /** Returns the failure for an answer that is not a 2xx. */
  public static TicketFailure of(HttpResult<?> answer, TicketLink link) {
    if (answer instanceof HttpResult.NotFound) {
      return notFound(link);
    }
    if (!(answer instanceof HttpResult.Failed<?> failed)) {
      throw new IllegalArgumentException("not a failure: " + answer);
    }
    return of(failed.failure(), link);
  }

  private static TicketFailure notFound(TicketLink link) {
    String system = link.system().displayName();
    return TicketFailure.of(
        Kind.NOT_FOUND,
        link.system(),
        link.reference()
            + " was not found, or the bot's "
            + system
            + " account may not see it. Check the link, or whether the ticket was deleted or"
            + " merged."
            + INSTEAD,
        "not found");
  }

  private static TicketFailure of(HttpFailure failure, TicketLink link) {
    String system = link.system().displayName();
    return switch (failure.kind()) {
      case RATE_LIMITED ->
          new TicketFailure(
              Kind.RATE_LIMITED,
              Optional.of(link.system()),
              system
                  + " is rate-limiting the bot; "
                  + failure
                      .retryAfter()
                      .map(wait -> "try again in " + Math.max(1, wait.toSeconds()) + " s.")
                      .orElse("try again in a minute.")
                  + INSTEAD,
              failure.detail(),
              failure.retryAfter());
      case REJECTED -> rejected(failure, link);
      // Only readiness checks fail on a 404; a ticket's 404 is HttpResult.NotFound, handled above.
      case NOT_FOUND -> notFound(link);
      case TIMEOUT ->
          unavailable(link, system + " did not answer in time. Try again in a minute.", failure);
      case UNREACHABLE ->
          unavailable(link, system + " could not be reached. Try again in a minute.", failure);
      case SERVER_ERROR ->
          unavailable(
              link,
              system
                  + " had an error while reading "
                  + link.reference()
                  + ". Try again in a minute.",
              failure);
      case MALFORMED, TOO_LARGE, BUSY ->
          unavailable(
              link,
              system
                  + " sent an answer about "
                  + link.reference()
                  + " that the bot could not read. Tell the team that runs the bot.",
              failure);
      case INTERNAL ->
          TicketFailure.of(
              Kind.INTERNAL,
              link.system(),
              "The bot failed reading "
                  + system
                  + "'s answer about "
                  + link.reference()
                  + "; this is a bug, please report it to the team that runs"
                  + " the bot."
                  + INSTEAD,
              failure.detail());
    };
  }

  /**
   * A 401 is the bot's credentials, a 403 its access to this ticket; others are the bot's request.
   */
  private static TicketFailure rejected(HttpFailure failure, TicketLink link) {
    String system = link.system().displayName();
    int status = failure.status().orElse(0);
    if (status == 401) {
      return TicketFailure.of(
          Kind.FORBIDDEN,
          link.system(),
          system
              + " did not accept the bot's credentials. "
              + "Ask the bot's admin to check its "
              + system
              + " API token."
              + INSTEAD,
          failure.detail());
    }
    if (status == 403) {
      return TicketFailure.of(
          Kind.FORBIDDEN,
          link.system(),
          "The bot's "
              + system
              + " account may not see "
              + link.reference()
              + ". Ask the bot's admin to give it access."
              + INSTEAD,
          failure.detail());
    }
    return unavailable(
        link,
        system
            + " refused the bot's request for "
            + link.reference()
            + ". Tell the team that runs the bot.",
        failure);
  }

  private static TicketFailure unavailable(TicketLink link, String message, HttpFailure failure) {
    return TicketFailure.of(Kind.UNAVAILABLE, link.system(), message + INSTEAD, failure.detail());
  }
}
