package dev.tracelookup.tickets;

import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.TicketFailure.Kind;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words for the agent when a ticket system call did not give an answer. */
public final class Failures {
  private static final String INSTEAD = " You can type the user ID and time instead.";
  /** BackendHttp reports 401 and 403 as REJECTED and keeps the status in the detail. */
  private static final Pattern STATUS = Pattern.compile(" failed: (\\d{3})\\b");

  private Failures() {}

  /** Returns the failure for an answer that is not a 2xx. */
  public static TicketFailure of(HttpResult<?> answer, TicketLink link) {
    String system = link.system().displayName();
    if (answer instanceof HttpResult.NotFound) {
      return TicketFailure.of(Kind.NOT_FOUND, link.system(), link.reference() + " was not found, or the bot's "
          + system + " account may not see it. Check the link, or whether the ticket was deleted or merged." + INSTEAD,
          "not found");
    }
    if (!(answer instanceof HttpResult.Failed)) {
      throw new IllegalArgumentException("not a failure: " + answer);
    }
    return of(((HttpResult.Failed<?>) answer).failure(), link);
  }

  private static TicketFailure of(BackendFailure failure, TicketLink link) {
    String system = link.system().displayName();
    switch (failure.kind()) {
      case RATE_LIMITED:
        return new TicketFailure(Kind.RATE_LIMITED, Optional.of(link.system()), system + " is rate-limiting the bot; "
            + failure.retryAfter().map(wait -> "try again in " + Math.max(1, wait.toSeconds()) + " s.")
                .orElse("try again in a minute.") + INSTEAD, failure.detail(), failure.retryAfter());
      case REJECTED:
        return rejected(failure, link);
      case TIMEOUT:
        return unavailable(link, system + " did not answer in time. Try again in a minute.", failure);
      case UNREACHABLE:
        return unavailable(link, system + " could not be reached. Try again in a minute.", failure);
      case SERVER_ERROR:
        return unavailable(link, system + " had an error while reading " + link.reference() + ". Try again in a minute.",
            failure);
      default:
        return unavailable(link, system + " sent an answer about " + link.reference()
            + " that the bot could not read. Tell the team that runs the bot.", failure);
    }
  }

  private static TicketFailure rejected(BackendFailure failure, TicketLink link) {
    String system = link.system().displayName();
    Matcher status = STATUS.matcher(failure.detail());
    String code = status.find() ? status.group(1) : "";
    if (code.equals("401")) {
      return TicketFailure.of(Kind.FORBIDDEN, link.system(), system + " did not accept the bot's credentials. "
          + "Ask the bot's admin to check its " + system + " API token." + INSTEAD, failure.detail());
    }
    if (code.equals("403")) {
      return TicketFailure.of(Kind.FORBIDDEN, link.system(), "The bot's " + system + " account may not see "
          + link.reference() + ". Ask the bot's admin to give it access." + INSTEAD, failure.detail());
    }
    return unavailable(link, system + " refused the bot's request for " + link.reference()
        + ". Tell the team that runs the bot.", failure);
  }

  private static TicketFailure unavailable(TicketLink link, String message, BackendFailure failure) {
    return TicketFailure.of(Kind.UNAVAILABLE, link.system(), message + INSTEAD, failure.detail());
  }
}
