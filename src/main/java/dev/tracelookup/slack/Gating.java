package dev.tracelookup.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AccessGate} makes of a request: let through unchecked, or checked as someone's ask.
 * Before, a {@code null} meant "not gated", which every reader had to know.
 */
sealed interface Gating permits Gating.Unchecked, Gating.Command, Gating.Interaction, Gating.Quiet {

  /**
   * Neither looks anything up nor shows data: an "Open in" URL button, the reply draft's Done, the
   * Home tab opening, events other than mentions and pasted links. It passes without a check.
   */
  record Unchecked() implements Gating {}

  /** A slash command: checked, and a refusal is its ack, which Slack shows to the asker alone. */
  record Command(Asker asker, Origin origin) implements Gating {
    public Command {
      Objects.requireNonNull(asker, "asker");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * Any other payload that runs a lookup or shows its data (a shortcut, a button, the lookup form,
   * a mention): checked, and a refusal goes to the asker after the ack along {@code refusal}.
   */
  record Interaction(Asker asker, Origin origin, Route.Private refusal) implements Gating {
    public Interaction {
      Objects.requireNonNull(asker, "asker");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  /**
   * A pasted trace link ({@code link_shared}): checked, and a refusal is silent, on record only.
   * Its preview would be posted for the whole channel; so would any word about refusing it.
   */
  record Quiet(Asker asker, Origin origin) implements Gating {
    public Quiet {
      Objects.requireNonNull(asker, "asker");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /** Returns an interaction whose refusal goes through its response URL, when it has one. */
  static Interaction answeredAt(Asker asker, Origin origin, String responseUrl) {
    return new Interaction(
        asker,
        origin,
        Route.only(Delivery.Way.RESPONSE_URL, Optional.ofNullable(responseUrl), Optional.empty()));
  }

  /**
   * Returns a press on the Home tab, which has no channel and no response URL: a refusal comes as a
   * direct message from the bot.
   */
  static Interaction onHome(Asker asker, Origin origin) {
    return new Interaction(
        asker, origin, Route.only(Delivery.Way.DIRECT_MESSAGE, Optional.empty(), Optional.empty()));
  }

  /** Returns a mention, whose refusal goes to the asker alone in its thread. */
  static Interaction inThread(Asker asker, Origin origin, String threadTs) {
    return new Interaction(
        asker, origin, Route.only(Delivery.Way.EPHEMERAL, Optional.empty(), Optional.of(threadTs)));
  }
}
