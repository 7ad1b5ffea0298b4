package dev.tracelookup.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.RetryAfter;
import dev.tracelookup.render.SlackMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts answers to {@code response_url} with the SDK's HTTP client, retrying once after a {@code
 * 429} or {@code 5xx} (honouring {@code Retry-After}, which Bolt's {@code ctx.respond} hides), and
 * new messages with {@code chat.postMessage}; logs what Slack refused.
 */
final class ResponseUrlReplies implements SlackReplies {
  private static final Logger log = LoggerFactory.getLogger(ResponseUrlReplies.class);
  private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(5);

  /**
   * One for every post: a Gson learns each Block Kit class by reflection the first time it meets
   * it, and a new one per post spent a tenth of the bot's CPU under load doing so again.
   */
  private static final Gson GSON = GsonFactory.createSnakeCase();

  private final Slack slack;
  private final MethodsClient bot;
  private final BackendHttp.Pause pause;
  private final SlackLink link;

  /**
   * @param bot the Web API client holding the bot token, for chat.postMessage
   * @param link where each Web API call's outcome is recorded, for {@code /readyz}
   */
  ResponseUrlReplies(Slack slack, MethodsClient bot, BackendHttp.Pause pause, SlackLink link) {
    this.slack = slack;
    this.bot = bot;
    this.pause = pause;
    this.link = link;
  }

  @Override
  public PostResult respond(String responseUrl, SlackMessage message, Visibility visibility) {
    String json = body(message, visibility);
    PostResult failed = new PostResult(false, "unreachable");
    for (int attempt = 1; attempt <= 2; attempt++) {
      WebhookResponse response;
      try {
        response = slack.send(responseUrl, json);
      } catch (InterruptedIOException timedOut) {
        // Slack may have taken it and be slow to say so: posting again could show the answer twice.
        log.warn(
            "response_url did not answer in time (attempt {}): {}", attempt, timedOut.getMessage());
        return new PostResult(false, "timeout");
      } catch (IOException unreachable) {
        log.warn("response_url post failed (attempt {}): {}", attempt, unreachable.getMessage());
        continue;
      }
      int code = response.getCode() == null ? 0 : response.getCode();
      if (code >= 200 && code < 300) {
        return PostResult.posted();
      }
      failed = new PostResult(false, error(code, response.getBody()));
      boolean passing = code == 429 || code >= 500;
      if (!passing || attempt == 2 || !pause.waited(retryAfter(response))) {
        log.warn(
            "response_url refused the answer: HTTP {} {}", code, abbreviate(response.getBody()));
        return failed;
      }
    }
    return failed;
  }

  /**
   * Returns Slack's reason for refusing a response_url post. A URL past its 30 minutes answers 404
   * {@code expired_url}; one used five times, {@code used_url}: either way it will never work
   * again.
   */
  private static String error(int code, String body) {
    String text = body == null ? "" : body.trim();
    if (text.matches("[a-z_]{3,40}")) {
      return text;
    }
    return code == 404 || code == 410 ? "expired_url" : "http_" + code;
  }

  @Override
  public PostResult post(String channelId, String threadTs, SlackMessage message) {
    return sent(
        "chat.postMessage",
        () ->
            bot.chatPostMessage(
                r ->
                    r.channel(channelId)
                        .threadTs(threadTs)
                        .text(message.text())
                        .blocks(message.blocks().isEmpty() ? null : message.blocks())
                        .unfurlLinks(false)),
        // Slack names the conversation it posted in, a direct message's D… ID included.
        response ->
            response.getChannel() == null || response.getTs() == null
                ? Optional.empty()
                : Optional.of(new Posted(response.getChannel(), response.getTs())));
  }

  @Override
  public PostResult update(Posted message, SlackMessage replacement) {
    return sent(
        "chat.update",
        () ->
            bot.chatUpdate(
                r ->
                    r.channel(message.channel())
                        .ts(message.ts())
                        .text(replacement.text())
                        .blocks(replacement.blocks().isEmpty() ? null : replacement.blocks())),
        response -> Optional.empty());
  }

  @Override
  public PostResult postEphemeral(
      String channelId, String threadTs, String user, SlackMessage message) {
    return sent(
        "chat.postEphemeral",
        () ->
            bot.chatPostEphemeral(
                r ->
                    r.channel(channelId)
                        .threadTs(threadTs)
                        .user(user)
                        .text(message.text())
                        .blocks(message.blocks().isEmpty() ? null : message.blocks())),
        response -> Optional.empty());
  }

  /** One Web API post, as Slack's SDK makes it. */
  @FunctionalInterface
  private interface Post<R extends SlackApiTextResponse> {
    R send() throws IOException, SlackApiException;
  }

  /**
   * Returns how the post went, with where the message landed when {@code where} reads it from
   * Slack's answer; records the call for {@code /readyz}. Every refusal is logged with Slack's
   * error code, never the text.
   */
  private <R extends SlackApiTextResponse> PostResult sent(
      String method, Post<R> post, Function<R, Optional<Posted>> where) {
    PostResult result = attempt(method, post, where);
    link.recorded(method, result.error());
    return result;
  }

  private static <R extends SlackApiTextResponse> PostResult attempt(
      String method, Post<R> post, Function<R, Optional<Posted>> where) {
    try {
      R response = post.send();
      if (response.isOk()) {
        return new PostResult(true, "", where.apply(response));
      }
      log.warn("{} refused: {}", method, response.getError());
      return new PostResult(false, response.getError());
    } catch (SlackApiException refused) {
      String error =
          refused.getError() == null
              ? "http_" + refused.getResponse().code()
              : refused.getError().getError();
      log.warn("{} failed: {}", method, error);
      return new PostResult(false, error);
    } catch (IOException unreachable) {
      log.warn("{} failed: {}", method, unreachable.getMessage());
      return new PostResult(false, "unreachable");
    }
  }

  static String body(SlackMessage message, Visibility visibility) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("response_type", visibility == Visibility.IN_CHANNEL ? "in_channel" : "ephemeral");
    body.put("replace_original", visibility == Visibility.REPLACE);
    body.put("text", message.text());
    if (!message.blocks().isEmpty()) {
      body.put("blocks", message.blocks());
    }
    return GSON.toJson(body);
  }

  /**
   * Slack's wait when it names one, capped short: the answer is still inside the lookup's budget.
   */
  private static Duration retryAfter(WebhookResponse response) {
    Map<String, List<String>> headers =
        response.getHeaders() == null ? Map.of() : response.getHeaders();
    Optional<String> header =
        headers.entrySet().stream()
            .filter(
                entry ->
                    "retry-after".equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty())
            .map(entry -> entry.getValue().get(0))
            .findFirst();
    return RetryAfter.parse(header)
        .filter(wait -> !wait.isZero())
        .map(wait -> min(wait, MAX_RETRY_WAIT))
        .orElse(Duration.ofSeconds(1));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
