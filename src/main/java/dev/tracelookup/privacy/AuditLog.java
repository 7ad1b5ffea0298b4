package dev.tracelookup.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.json.JsonMappers;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes who looked up, shared or was refused what, as one JSON object per line. Entries carry only
 * Slack IDs, customer fingerprints and counts; never tokens or raw customer IDs.
 *
 * <p>The log is the control on who saw which customer, so by default it fails closed: when an entry
 * cannot be written, {@link #record} says the answer it records must be withheld ({@link
 * OnFailure#REFUSE}); {@link OnFailure#DELIVER} keeps answering, unaudited, where availability
 * matters more. Entries lost while the log was failing are counted; the first write that succeeds
 * again is preceded by an {@code audit_gap} line saying how many and since when, so the log itself
 * shows its hole.
 */
public final class AuditLog {
  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final ObjectMapper JSON = JsonMappers.PLAIN;

  private final AuditSink sink;
  private final Clock clock;
  private final OnFailure onFailure;
  private Failing failing;

  /** What to do with an answer whose audit entry could not be written. */
  public enum OnFailure {
    /** Withhold it: nobody sees customer data the log does not record. */
    REFUSE,
    /** Deliver it anyway, unaudited. */
    DELIVER
  }

  /** Whether an entry reached the log, and so whether what it records may be shown. */
  public sealed interface Recorded permits Recorded.Written, Recorded.Lost {
    /** Returns whether the answer this entry records must be withheld. */
    boolean withholds();

    /** The entry is in the log. */
    record Written() implements Recorded {
      @Override
      public boolean withholds() {
        return false;
      }
    }

    /**
     * The entry could not be written.
     *
     * @param withholds the log refuses on failure, so the answer must not be shown
     */
    record Lost(boolean withholds) implements Recorded {}
  }

  /**
   * How the log stands, for {@code /readyz}.
   *
   * @param since when writes began to fail; empty while they succeed
   * @param lost entries not written since then
   * @param reason the kind of the last failure ({@code AccessDeniedException}, …): never a path or
   *     message
   */
  public record Health(Optional<Instant> since, long lost, String reason) {
    public boolean failing() {
      return since.isPresent();
    }
  }

  private record Failing(Instant since, long lost, String reason) {}

  /** Returns a log that fails closed. */
  public AuditLog(AuditSink sink, Clock clock) {
    this(sink, clock, OnFailure.REFUSE);
  }

  public AuditLog(AuditSink sink, Clock clock, OnFailure onFailure) {
    this.sink = sink;
    this.clock = clock;
    this.onFailure = onFailure;
  }

  /** Returns what happens to answers whose entry is lost. */
  public OnFailure onFailure() {
    return onFailure;
  }

  /**
   * Writes the entry, stamped now. An unwritable log is reported, never thrown at the agent: the
   * caller reads from the result whether to withhold the answer.
   */
  public synchronized Recorded record(AuditEntry entry) {
    try {
      resume();
      sink.write(line(entry));
      return new Recorded.Written();
    } catch (JsonProcessingException | RuntimeException unwritable) {
      Failing now = failing == null ? new Failing(clock.instant(), 0, kind(unwritable)) : failing;
      failing = new Failing(now.since(), now.lost() + 1, kind(unwritable));
      log.error(
          "an audit entry ({}) could not be written ({}); {}",
          entry.event(),
          kind(unwritable),
          onFailure == OnFailure.REFUSE
              ? "its answer is withheld"
              : "its answer is delivered unaudited");
      return new Recorded.Lost(onFailure == OnFailure.REFUSE);
    }
  }

  /**
   * Returns whether the log writes; a failing log is tried again first, so it can report recovery.
   */
  public synchronized Health health() {
    if (failing != null) {
      try {
        resume();
      } catch (JsonProcessingException | RuntimeException stillFailing) {
        failing = new Failing(failing.since(), failing.lost(), kind(stillFailing));
      }
    }
    return failing == null
        ? new Health(Optional.empty(), 0, "")
        : new Health(Optional.of(failing.since()), failing.lost(), failing.reason());
  }

  /** After failures, writes the {@code audit_gap} line first; throws while the sink still fails. */
  private void resume() throws JsonProcessingException {
    if (failing == null) {
      return;
    }
    sink.write(
        line(
            new AuditEntry(
                "audit_gap",
                "",
                "",
                "",
                Optional.empty(),
                Optional.of(failing.since()),
                Optional.of(clock.instant()),
                "",
                (int) Math.min(Integer.MAX_VALUE, failing.lost()),
                false,
                false,
                "resumed")));
    log.warn(
        "the audit log writes again; entries not written since {}: {}",
        failing.since(),
        failing.lost());
    failing = null;
  }

  /**
   * Names a failure by its kind only: messages carry paths, and the cause is what operators act on.
   */
  private static String kind(Exception failure) {
    Throwable cause =
        failure instanceof UncheckedIOException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause.getClass().getSimpleName();
  }

  private String line(AuditEntry entry) throws JsonProcessingException {
    return JSON.writeValueAsString(json(entry));
  }

  private ObjectNode json(AuditEntry entry) {
    ObjectNode node = JSON.createObjectNode();
    node.put("ts", Instant.now(clock).toString());
    node.put("event", entry.event());
    node.put("slack_user", entry.slackUser());
    node.put("team", entry.team());
    node.put("channel", entry.channel());
    node.put("user_hash", entry.userHash().orElse(null));
    node.put("trace_id", entry.traceId().orElse(null));
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
