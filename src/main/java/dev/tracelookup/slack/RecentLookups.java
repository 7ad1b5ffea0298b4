package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.json.JsonMappers;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.render.HomeView;
import dev.tracelookup.trace.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An agent's recent lookups, kept in their Home tab's own {@code private_metadata}: Slack hands the
 * published view back with every {@code app_home_opened}, so any replica renders the same list
 * without a store of its own.
 *
 * <p>Each entry carries its lookup as a signed button value ({@link RequestTokens}), the one "Run
 * again" presses: an entry whose value does not verify (edited, or signed by another deployment's
 * key) is dropped on reading. The metadata is never shown; the view names customers only by
 * fingerprint.
 */
final class RecentLookups {
  private static final ObjectMapper JSON = JsonMappers.PLAIN;
  private static final int VERSION = 1;

  private final RequestTokens tokens;

  RecentLookups(RequestTokens tokens) {
    this.tokens = tokens;
  }

  /** One lookup: when it ran, what it asked, what it found. */
  record Entry(Instant at, LookupRequest request, HomeView.Outcome outcome, int traces) {}

  /** Returns the entry for a finished lookup. */
  static Entry of(Instant at, LookupOutcome outcome) {
    if (outcome instanceof LookupOutcome.Found found) {
      return new Entry(at, outcome.request(), worst(found), found.traces().size());
    }
    return new Entry(
        at,
        outcome.request(),
        outcome instanceof LookupOutcome.NoTraces
            ? HomeView.Outcome.NO_TRACES
            : HomeView.Outcome.ERROR,
        0);
  }

  private static HomeView.Outcome worst(LookupOutcome.Found found) {
    boolean refused = false;
    for (var card : found.traces()) {
      Verdict.Kind kind = card.analysis().summary().verdict().kind();
      if (kind == Verdict.Kind.FAILED) {
        return HomeView.Outcome.FAILED;
      }
      refused |= kind == Verdict.Kind.REFUSED;
    }
    return refused ? HomeView.Outcome.REFUSED : HomeView.Outcome.SUCCEEDED;
  }

  /**
   * Returns the entries newest first, the same lookup once (its latest run), at most {@link
   * HomeView#MAX_RECENT}.
   */
  static List<Entry> merged(List<Entry> a, List<Entry> b) {
    Map<LookupRequest, Entry> latest = new LinkedHashMap<>();
    List<Entry> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(Comparator.comparing(Entry::at).reversed());
    for (Entry entry : all) {
      latest.putIfAbsent(entry.request(), entry);
    }
    List<Entry> merged = new ArrayList<>(latest.values());
    return merged.subList(0, Math.min(HomeView.MAX_RECENT, merged.size()));
  }

  /**
   * Returns the metadata for the entries, leaving out the oldest until it fits Slack's 3,000
   * characters.
   */
  String encode(List<Entry> entries) {
    List<Entry> kept = new ArrayList<>(entries);
    String encoded = write(kept);
    while (encoded.length() > HomeView.MAX_METADATA && !kept.isEmpty()) {
      kept.remove(kept.size() - 1);
      encoded = write(kept);
    }
    return encoded;
  }

  private String write(List<Entry> entries) {
    ObjectNode root = JSON.createObjectNode();
    root.put("v", VERSION);
    ArrayNode list = root.putArray("r");
    for (Entry entry : entries) {
      ObjectNode node = list.addObject();
      node.put("at", entry.at().getEpochSecond());
      node.put("o", entry.outcome().name().toLowerCase(Locale.ROOT));
      node.put("n", entry.traces());
      node.put("q", tokens.encode(entry.request()));
    }
    return root.toString();
  }

  /**
   * Returns the entries the metadata holds, newest first; none when it is empty, not ours, or
   * unreadable, and without any entry whose lookup does not verify.
   */
  List<Entry> decode(String metadata) {
    if (metadata == null || metadata.isBlank()) {
      return List.of();
    }
    try {
      JsonNode root = JSON.readTree(metadata);
      if (root == null || root.path("v").asInt() != VERSION || !root.path("r").isArray()) {
        return List.of();
      }
      List<Entry> entries = new ArrayList<>();
      for (JsonNode node : root.path("r")) {
        entry(node).ifPresent(entries::add);
      }
      return merged(entries, List.of());
    } catch (IOException notOurs) {
      return List.of();
    }
  }

  private Optional<Entry> entry(JsonNode node) {
    Optional<LookupRequest> request = tokens.decode(node.path("q").asText(null));
    Optional<HomeView.Outcome> outcome = outcome(node.path("o").asText(""));
    if (request.isEmpty() || outcome.isEmpty() || !node.path("at").canConvertToLong()) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            Instant.ofEpochSecond(node.path("at").asLong()),
            request.get(),
            outcome.get(),
            Math.max(0, node.path("n").asInt(0))));
  }

  private static Optional<HomeView.Outcome> outcome(String name) {
    try {
      return Optional.of(HomeView.Outcome.valueOf(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** Returns the button value that runs the entry's lookup again. */
  String runAgain(Entry entry) {
    return tokens.encode(entry.request());
  }
}
