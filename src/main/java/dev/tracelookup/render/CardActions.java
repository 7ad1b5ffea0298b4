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
    noteValue = noteValue == null ? Optional.empty() : noteValue;
  }

  public CardActions(
      String requestToken,
      boolean shareable,
      boolean inThread,
      Optional<String> sharedBy,
      Optional<String> replyTraceId,
      UnaryOperator<String> traceValue) {
    this(requestToken, shareable, inThread, sharedBy, replyTraceId, traceValue, Optional.empty());
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
        requestToken, shareable, inThread, sharedBy, Optional.of(traceId), traceValue, noteValue);
  }

  /** Returns these actions with an "Add note to ticket" button carrying {@code value}. */
  public CardActions withNote(String value) {
    return new CardActions(
        requestToken, shareable, inThread, sharedBy, replyTraceId, traceValue, Optional.of(value));
  }

  /** Returns these actions with the trace buttons carrying {@code value.apply(traceId)}. */
  public CardActions withTraceValues(UnaryOperator<String> value) {
    return new CardActions(
        requestToken, shareable, inThread, sharedBy, replyTraceId, value, noteValue);
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
