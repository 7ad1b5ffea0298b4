package dev.tracelookup.slack;

import dev.tracelookup.config.Config;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace the bot is installed in, and who counts as its people. Customer data must not leave
 * the organisation that runs the bot: in a Slack Connect channel a partner's people can mention the
 * bot and press its buttons, so every request is checked against the installation before any access
 * rule or handler runs.
 *
 * <p>The installation comes from {@code auth.test} on the bot token at startup, so it cannot be
 * configured wrong: its team ({@code T…}) and, in an Enterprise organisation, the organisation
 * ({@code E…}). {@code access.teams} adds workspaces or organisations; {@code access.external:
 * allow} turns the check off.
 *
 * <p>A request passes when every team the payload names for the person is home, the workspace it
 * was made in is home (or, in an Enterprise organisation, belongs to it), and every organisation it
 * names is home. A mention in a channel shared with another organisation is refused even from our
 * own people: its answer would be posted where the other organisation reads it.
 */
final class HomeTeams {
  private final Set<String> home;
  private final Optional<String> enterprise;
  private final boolean externalAllowed;
  private final String ask;

  /**
   * The installation, as {@code auth.test} names it.
   *
   * @param enterpriseId the organisation, empty for a workspace outside any Enterprise organisation
   */
  record Installation(String teamId, Optional<String> enterpriseId) {}

  /** Why a request from elsewhere is refused; each says so to the person in a sentence. */
  enum Refusal {
    /** The person, workspace or organisation is not the installing one. */
    OTHER_ORGANISATION("external"),
    /** Our own person, in a channel another organisation reads. */
    SHARED_CHANNEL("shared_channel");

    private final String outcome;

    Refusal(String outcome) {
      this.outcome = outcome;
    }

    /** Returns how the audit log names the refusal. */
    String outcome() {
      return outcome;
    }
  }

  HomeTeams(Installation installation, Config.Access access) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(installation.teamId());
    installation.enterpriseId().ifPresent(ids::add);
    ids.addAll(access.teams());
    this.home = Set.copyOf(ids);
    this.enterprise = installation.enterpriseId();
    this.externalAllowed = access.externalAllowed();
    this.ask = access.ask();
  }

  /** Returns why the request must be refused, or empty when it comes from home. */
  Optional<Refusal> refusal(Origin origin) {
    if (externalAllowed) {
      return Optional.empty();
    }
    // Slack always names the team; a payload that names none cannot be placed, so it is not
    // trusted.
    boolean named = !origin.personTeams().isEmpty() || !origin.workspace().isEmpty();
    boolean person = origin.personTeams().stream().allMatch(home::contains);
    boolean organisations = origin.enterprises().stream().allMatch(home::contains);
    if (!named || !person || !organisations || !workspaceIsHome(origin)) {
      return Optional.of(Refusal.OTHER_ORGANISATION);
    }
    return origin.sharedExternally() ? Optional.of(Refusal.SHARED_CHANNEL) : Optional.empty();
  }

  /**
   * A workspace is home when listed, or when the payload places it in the installing Enterprise
   * organisation: people of a sister workspace are the same organisation's.
   */
  private boolean workspaceIsHome(Origin origin) {
    if (origin.workspace().isEmpty() || home.contains(origin.workspace())) {
      return true;
    }
    return enterprise.isPresent()
        && !origin.enterprises().isEmpty()
        && origin.enterprises().stream().allMatch(enterprise.get()::equals);
  }

  /** Returns what the refused person is told, privately. */
  String message(Refusal refusal) {
    if (refusal == Refusal.SHARED_CHANNEL) {
      return ":lock: This channel is shared with another organisation, so I don't post customer"
          + " traces here. Use `/trace-lookup` (only you see its answers) or mention me in"
          + " an internal channel.";
    }
    return ":lock: Customer traces are only for people of the workspace trace-lookup is installed"
        + " in. If your team should have access, ask "
        + ask
        + ".";
  }
}
