package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.json.JsonMappers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Events API event once, however often Slack delivers it. Slack retries an event it did
 * not see acknowledged within 3 s ({@code X-Slack-Retry-Num}), up to three times; dropping every
 * retry lost the mentions whose first delivery never reached the bot (a deploy, a blip). So a
 * delivery is remembered by its {@code event_id}, and a mention also by its channel and {@code ts}
 * (an edited message arrives again under a new event ID): a delivery of an event already handled,
 * or still being handled, is acknowledged and dropped; any other delivery, retry or not, is
 * handled.
 *
 * <p>A delivery whose handling failed (an error, a refusal to acknowledge) is forgotten, so Slack's
 * next retry handles it. One still marked as being handled after {@link #LEASE} counts as
 * abandoned. Memory is bounded ({@link #MAX_KEYS}, each kept {@link #MEMORY}, well past Slack's
 * retries).
 *
 * <p>The memory is per process: with several replicas behind a load balancer, a retry that reaches
 * another replica than the first delivery is handled there too. Slack retries only when the first
 * acknowledgement did not arrive in time, which the bot's quick acks make rare.
 */
final class EventDeliveries implements Middleware {
  static final Duration LEASE = Duration.ofMinutes(1);
  static final Duration MEMORY = Duration.ofHours(1);
  static final int MAX_KEYS = 20_000;
  private static final Logger log = LoggerFactory.getLogger(EventDeliveries.class);
  private static final ObjectMapper JSON = JsonMappers.PLAIN;

  private final Cache<String, Delivery> seen;
  private final Ticker ticker;

  /** Whether handling ended well, and when it began (ticker nanos). */
  private record Delivery(boolean done, long startedAt) {}

  EventDeliveries(Ticker ticker) {
    this.ticker = ticker;
    this.seen =
        Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(MEMORY).ticker(ticker).build();
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    List<String> keys =
        req instanceof EventRequest ? keys(req.getRequestBodyAsString()) : List.of();
    if (keys.isEmpty()) {
      return chain.next(req);
    }
    if (!claim(keys)) {
      log.info("dropped a repeated delivery of a Slack event already handled or being handled");
      return Response.ok();
    }
    Response response;
    try {
      response = chain.next(req);
    } catch (Exception | Error failed) {
      release(keys);
      throw failed;
    }
    if (response.getStatusCode() != null && response.getStatusCode() == 200) {
      finish(keys);
    } else {
      release(keys);
    }
    return response;
  }

  /** Returns the keys of an event callback: its ID, and where its message is. */
  static List<String> keys(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      List<String> keys = new ArrayList<>(2);
      if (root == null) {
        return keys;
      }
      String id = root.path("event_id").asText("");
      if (!id.isEmpty()) {
        keys.add("event " + id);
      }
      JsonNode event = root.path("event");
      String channel = event.path("channel").asText("");
      String ts = event.path("ts").asText("");
      if (!channel.isEmpty() && !ts.isEmpty()) {
        keys.add(event.path("type").asText("") + " " + channel + " " + ts);
      }
      return keys;
    } catch (IOException unreadable) {
      return List.of();
    }
  }

  /** Returns whether this delivery is the one to handle, marking its keys as being handled. */
  synchronized boolean claim(List<String> keys) {
    long now = ticker.read();
    for (String key : keys) {
      Delivery delivery = seen.getIfPresent(key);
      if (delivery != null && (delivery.done() || now - delivery.startedAt() < LEASE.toNanos())) {
        return false;
      }
    }
    keys.forEach(key -> seen.put(key, new Delivery(false, now)));
    return true;
  }

  synchronized void finish(List<String> keys) {
    long now = ticker.read();
    keys.forEach(key -> seen.put(key, new Delivery(true, now)));
  }

  synchronized void release(List<String> keys) {
    seen.invalidateAll(keys);
  }
}
