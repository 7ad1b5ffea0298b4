package dev.tracelookup.backend;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The traces that failed the same way, kept so that only counts ever come out: for each trace its
 * start and a one-way digest of each customer on it. No trace ID and no customer ID is kept, so
 * nothing another customer could be recognised by reaches a card, a log or an audit line; the
 * digests only tell customers apart, and which traces belong to the customer being looked up, who
 * is left out of the counts.
 *
 * <p>One tally serves every customer who hit the failure: it is cached once per signature and
 * window, and each lookup asks for the counts {@link #excluding} its own customer.
 */
public final class FailureTally {
  private final List<Entry> entries;
  private final boolean limitReached;

  private FailureTally(List<Entry> entries, boolean limitReached) {
    this.entries = List.copyOf(entries);
    this.limitReached = limitReached;
  }

  /**
   * Returns the counts without the traces carrying {@code storedUserId} (as the services store it).
   */
  public Counts excluding(String storedUserId) {
    long excluded = digest(storedUserId);
    int requests = 0;
    Set<Long> customers = new HashSet<>();
    Instant first = null;
    Instant last = null;
    for (Entry entry : entries) {
      if (contains(entry.users(), excluded)) {
        continue;
      }
      requests++;
      for (long user : entry.users()) {
        customers.add(user);
      }
      first = first == null || entry.start().isBefore(first) ? entry.start() : first;
      last = last == null || entry.start().isAfter(last) ? entry.start() : last;
    }
    return new Counts(
        requests,
        customers.size(),
        limitReached,
        Optional.ofNullable(first),
        Optional.ofNullable(last));
  }

  /** Returns how many traces were read, the looked-up customer's included. */
  public int traces() {
    return entries.size();
  }

  /** Returns whether the backend's limit cut the search short, so counts are lower bounds. */
  public boolean limitReached() {
    return limitReached;
  }

  @Override
  public String toString() {
    return "FailureTally[traces=" + entries.size() + ", limitReached=" + limitReached + "]";
  }

  /**
   * What one customer's lookup may show: other customers' failures, as counts.
   *
   * @param requests traces with the failure, other than the looked-up customer's
   * @param customers distinct customers on them, the looked-up customer not among them
   * @param atLeast the backend's limit was reached: there may be more
   * @param firstSeen the earliest of those traces' starts
   * @param lastSeen the latest of those traces' starts
   */
  public record Counts(
      int requests,
      int customers,
      boolean atLeast,
      Optional<Instant> firstSeen,
      Optional<Instant> lastSeen) {}

  /** Returns a builder reading customers from these span (or resource) attributes. */
  public static Builder builder(Collection<String> userAttributeKeys, int limit) {
    return new Builder(userAttributeKeys, limit);
  }

  /** Gathers traces until the limit; each trace counts once, however often it is added. */
  public static final class Builder {
    private final List<String> keys;
    private final int limit;
    private final Set<Long> seenTraces = new HashSet<>();
    private final List<Entry> entries = new ArrayList<>();
    private boolean limitReached;

    private Builder(Collection<String> keys, int limit) {
      this.keys = List.copyOf(keys);
      this.limit = limit;
    }

    /**
     * Adds a whole trace when one of its spans matches the signature; returns false when it matched
     * past the limit, which is then known to have cut the count short.
     */
    public boolean addIfFailed(Trace trace, FailureSignature signature) {
      Optional<Span> failed = trace.spans().stream().filter(signature::matches).findFirst();
      if (failed.isEmpty()) {
        return true;
      }
      Set<String> users = new LinkedHashSet<>();
      for (Span span : trace.spans()) {
        for (String key : keys) {
          span.attributes().get(key).filter(v -> !v.isEmpty()).ifPresent(users::add);
        }
      }
      return add(trace.traceId(), failed.get().start(), users);
    }

    /**
     * Adds a trace known to hold the failure, with the customers on it; returns false when the
     * limit was reached before it, which is then known to have cut the count short.
     */
    public boolean add(String traceId, Instant start, Collection<String> users) {
      if (seenTraces.contains(digest(traceId))) {
        return true;
      }
      if (full()) {
        limitReached = true;
        return false;
      }
      seenTraces.add(digest(traceId));
      entries.add(
          new Entry(start, users.stream().distinct().mapToLong(FailureTally::digest).toArray()));
      return true;
    }

    /** Records that the backend had more than it returned. */
    public Builder limitReached() {
      this.limitReached = true;
      return this;
    }

    /** Returns whether the limit is reached. */
    public boolean full() {
      return entries.size() >= limit;
    }

    public FailureTally build() {
      return new FailureTally(entries, limitReached);
    }
  }

  private record Entry(Instant start, long[] users) {}

  private static boolean contains(long[] values, long value) {
    for (long v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  private static long digest(String value) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }
}
