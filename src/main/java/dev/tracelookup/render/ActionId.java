package dev.tracelookup.render;

import java.util.regex.Pattern;

/**
 * The action ID of every button the bot draws: the one list the renderers write and the Slack
 * handlers listen for. It lives here, below both, so that {@code slack/} reads it without render
 * reaching up, and a button added here without a listener fails to compile where {@code SlackApp}
 * switches over every value.
 */
public enum ActionId {
  /**
   * "Open in Tempo": a URL button. Slack still sends a {@code block_actions} payload when it is
   * clicked, which the app must acknowledge.
   */
  OPEN_TRACE("open_trace", false),

  /**
   * "Show trace" on each row of the other traces; the value is the full trace ID, signed together
   * with the customer's fingerprint where the card carries {@link CardActions#traceValue}.
   */
  SHOW_TRACE("show_trace", false),

  /** "Share in channel" / "Post to thread"; the value is the encoded lookup. */
  SHARE("share_card", false),

  /** "Draft customer reply"; the value is the failing trace's ID, signed as for Show trace. */
  DRAFT_REPLY("draft_reply", false),

  /**
   * "Add note to ticket", on cards of lookups that started from a ticket; the value is the ticket
   * link and the encoded lookup, signed together.
   */
  ADD_NOTE("add_ticket_note", false),

  /** "Refresh", which runs the lookup again past the cache; the value is the encoded lookup. */
  REFRESH("refresh_card", false),

  /**
   * "Previous" under a card showing page 2 or later; the value is the lookup with the page to show,
   * signed ({@link CardActions.Pages}).
   */
  PREVIOUS_PAGE("previous_page", false),

  /** "Next" under a card whose lookup has more traces than its page; the value as for Previous. */
  NEXT_PAGE("next_page", false),

  /**
   * One ticket of a message that links several ({@link TicketPicker}): {@code pick_ticket_0},
   * {@code pick_ticket_1}, …, since action IDs must be unique within their block.
   */
  PICK_TICKET("pick_ticket_", true);

  private final String id;
  private final boolean numbered;
  private final Pattern pattern;

  ActionId(String id, boolean numbered) {
    this.id = id;
    this.numbered = numbered;
    this.pattern = Pattern.compile("^" + Pattern.quote(id) + (numbered ? "\\d+" : "") + "$");
  }

  /** Returns the action ID; for a numbered one, use {@link #id(int)}. */
  public String id() {
    if (numbered) {
      throw new IllegalStateException(name() + " is numbered: use id(int)");
    }
    return id;
  }

  /** Returns the action ID of the {@code index}th button of a numbered family. */
  public String id(int index) {
    if (!numbered) {
      throw new IllegalStateException(name() + " is not numbered: use id()");
    }
    return id + index;
  }

  /** Returns the pattern that matches exactly the action IDs this value stands for. */
  public Pattern pattern() {
    return pattern;
  }

  /** Returns whether {@code actionId} is this action (any index of a numbered one). */
  public boolean matches(String actionId) {
    return actionId != null && pattern.matcher(actionId).matches();
  }
}
