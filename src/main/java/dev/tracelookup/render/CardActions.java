package dev.tracelookup.render;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The buttons under a card and who shared it.
 *
 * @param requestToken the lookup, encoded: Share and Refresh carry it, so any replica can redo the
 *     work after the cache has forgotten it
 * @param shareable offer "Share in channel" (private answers) or "Post to thread" ({@code
 *     inThread})
 * @param inThread the card answers inside a thread, so sharing posts to that thread
 * @param sharedBy the Slack user who shared this copy, shown on it
 * @param replyTraceId the failing trace a "Draft customer reply" is written from
 * @param traceValue what a button about one trace ("Show trace", "Draft customer reply") carries
 *     for a trace ID: the ID itself, or a signed value naming the customer too, so the press is
 *     audited
 * @param pages which page of the lookup the card shows, and the Previous and Next buttons' values
 * @param noteValue what "Add note to ticket" carries: the ticket and the lookup, signed; empty when
 *     the lookup did not start from a ticket the bot may write to
 */
public record CardActions(
    String requestToken,
    boolean shareable,
    boolean inThread,
    Optional<String> sharedBy,
    Optional<String> replyTraceId,
    UnaryOperator<String> traceValue,
    Pages pages,
    Optional<String> noteValue) {
  private static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

  public CardActions {
    Objects.requireNonNull(requestToken, "requestToken");
    sharedBy =
        sharedBy == null
            ? Optional.empty()
            : sharedBy.filter(id -> SLACK_USER_ID.matcher(id).matches());
    replyTraceId = replyTraceId == null ? Optional.empty() : replyTraceId;
    traceValue = traceValue == null ? UnaryOperator.identity() : traceValue;
    pages = pages == null ? Pages.NONE : pages;
    noteValue = noteValue == null ? Optional.empty() : noteValue;
  }

  public CardActions(
      String requestToken,
      boolean shareable,
      boolean inThread,
      Optional<String> sharedBy,
      Optional<String> replyTraceId,
      UnaryOperator<String> traceValue) {
    this(
        requestToken,
        shareable,
        inThread,
        sharedBy,
        replyTraceId,
        traceValue,
        Pages.NONE,
        Optional.empty());
  }

  public CardActions(
      String requestToken,
      boolean shareable,
      boolean inThread,
      Optional<String> sharedBy,
      Optional<String> replyTraceId) {
    this(requestToken, shareable, inThread, sharedBy, replyTraceId, UnaryOperator.identity());
  }

  public CardActions(
      String requestToken, boolean shareable, boolean inThread, Optional<String> sharedBy) {
    this(requestToken, shareable, inThread, sharedBy, Optional.empty());
  }

  /** Returns these actions with a "Draft customer reply" button for the trace. */
  public CardActions withReply(String traceId) {
    return new CardActions(
        requestToken,
        shareable,
        inThread,
        sharedBy,
        Optional.of(traceId),
        traceValue,
        pages,
        noteValue);
  }

  /** Returns these actions with an "Add note to ticket" button carrying {@code value}. */
  public CardActions withNote(String value) {
    return new CardActions(
        requestToken,
        shareable,
        inThread,
        sharedBy,
        replyTraceId,
        traceValue,
        pages,
        Optional.of(value));
  }

  /** Returns these actions with the trace buttons carrying {@code value.apply(traceId)}. */
  public CardActions withTraceValues(UnaryOperator<String> value) {
    return new CardActions(
        requestToken, shareable, inThread, sharedBy, replyTraceId, value, pages, noteValue);
  }

  /** Returns these actions with Previous and Next buttons, as {@code pages} says. */
  public CardActions withPages(Pages pages) {
    return new CardActions(
        requestToken, shareable, inThread, sharedBy, replyTraceId, traceValue, pages, noteValue);
  }

  /**
   * Which page of its lookup a card shows, and where its buttons go.
   *
   * @param number 1 for the first page
   * @param previous the Previous button's value, absent on the first page
   * @param next the Next button's value, absent when the lookup found no more
   */
  public record Pages(int number, Optional<String> previous, Optional<String> next) {
    /** A card without pages. */
    public static final Pages NONE = new Pages(1, Optional.empty(), Optional.empty());

    public Pages {
      previous = previous == null ? Optional.empty() : previous;
      next = next == null ? Optional.empty() : next;
    }

    /** Returns whether the card is one of several pages. */
    public boolean paged() {
      return number > 1 || next.isPresent();
    }
  }

  /** Returns the actions of a private answer: share it, or refresh it. */
  public static CardActions privateAnswer(String requestToken, boolean inThread) {
    return new CardActions(requestToken, true, inThread, Optional.empty());
  }

  /** Returns the actions of a copy shared by {@code slackUserId}: a byline and no buttons. */
  public static CardActions sharedCopy(String slackUserId) {
    return new CardActions("", false, false, Optional.of(slackUserId));
  }
}
