package dev.tracelookup.slack;

import dev.tracelookup.privacy.AuditEntry;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import java.util.Objects;

/** What a job run after the ack ends with: exactly one of these reaches Slack. */
sealed interface Answer permits Answer.Result, Answer.Problem {

  SlackMessage message();

  /**
   * The answer to what was asked, for the route's audience.
   *
   * @param audited the audit entry that records it, which its delivery is recorded against
   */
  record Result(SlackMessage message, AuditEntry audited) implements Answer {
    public Result {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(audited, "audited");
    }
  }

  /** For the asker alone, whatever the route: why the result is withheld, an apology, "busy". */
  record Problem(SlackMessage message) implements Answer {
    public Problem {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Returns the problem of saying {@code text} as a failure. */
  static Problem problem(String text) {
    return new Problem(Messages.failure(text));
  }
}
