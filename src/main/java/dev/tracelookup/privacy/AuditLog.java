package dev.tracelookup.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes who looked up, shared or was refused what, as one JSON object per line. Entries carry only
 * Slack IDs, customer fingerprints and counts; never tokens or raw customer IDs.
 */
public final class AuditLog {
  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditSink sink;
  private final Clock clock;

  public AuditLog(AuditSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** Writes the entry, stamped now. An unwritable log is reported, never thrown at the agent. */
  public void record(AuditEntry entry) {
    try {
      sink.write(JSON.writeValueAsString(json(entry)));
    } catch (JsonProcessingException | RuntimeException unwritable) {
      log.error("an audit entry ({}) could not be written: {}", entry.event(), unwritable.getMessage());
    }
  }

  private ObjectNode json(AuditEntry entry) {
    ObjectNode node = JSON.createObjectNode();
    node.put("ts", Instant.now(clock).toString());
    node.put("event", entry.event());
    node.put("slack_user", entry.slackUser());
    node.put("team", entry.team());
    node.put("channel", entry.channel());
    node.put("user_hash", entry.userHash().orElse(null));
    node.put("window_from", entry.windowFrom().map(Instant::toString).orElse(null));
    node.put("window_to", entry.windowTo().map(Instant::toString).orElse(null));
    node.put("backend", entry.backend());
    node.put("result_count", entry.resultCount());
    node.put("cache_hit", entry.cacheHit());
    node.put("shared", entry.shared());
    node.put("outcome", entry.outcome());
    return node;
  }
}
