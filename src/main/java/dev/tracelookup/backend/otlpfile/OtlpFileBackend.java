package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.backend.FailureSignature;
import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.backend.SameFailureQuery;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.trace.TraceIds;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TraceBackend} over a directory of OTLP JSON Lines files, as the OpenTelemetry
 * Collector's file exporter writes them: one {@code TracesData} document per line, a trace's spans
 * spread over any lines and files, in no order.
 *
 * <p>The index holds per trace only what search needs (ID, users, time range, service and span
 * names, where its lines are); search, by user or by span link, returns whole traces, read again
 * from their lines. {@link #refresh} follows the directory as the collector writes, rotates and
 * deletes files, and drops traces past the maximum age. Safe for concurrent searches, also while a
 * refresh runs.
 */
public final class OtlpFileBackend implements TraceBackend {
  /** Replaced by the trace ID in the UI URL template. */
  public static final String TRACE_ID_PLACEHOLDER = "{traceId}";

  /** Replaced by the focused span's ID, or by nothing, in the UI URL template. */
  public static final String SPAN_ID_PLACEHOLDER = "{spanId}";

  private static final Logger LOG = LoggerFactory.getLogger(OtlpFileBackend.class);

  private static final int CANDIDATES_PER_COUNTED = 4;

  private final String displayName;
  private final Path directory;
  private final LiveIndex index;
  private final TraceLoader loader;
  private final Optional<String> uiUrlTemplate;
  private final OtlpFileOptions options;
  private final List<String> userAttributeKeys;
  // Read and written only by the one scheduled refresh at a time.
  private boolean failing;

  private OtlpFileBackend(
      String displayName,
      Path directory,
      LiveIndex index,
      TraceLoader loader,
      Optional<String> uiUrlTemplate,
      OtlpFileOptions options,
      List<String> userAttributeKeys) {
    this.userAttributeKeys = List.copyOf(userAttributeKeys);
    this.displayName = displayName;
    this.directory = directory;
    this.index = index;
    this.loader = loader;
    this.uiUrlTemplate = uiUrlTemplate;
    this.options = options;
  }

  /**
   * Indexes the directory with the {@link OtlpFileOptions#DEFAULTS defaults}: nothing expires.
   *
   * @see #open(Path, List, Optional, String, OtlpFileOptions, Clock)
   */
  public static OtlpFileBackend open(
      Path directory,
      List<String> userAttributeKeys,
      Optional<String> uiUrlTemplate,
      String displayName)
      throws IOException {
    return open(
        directory,
        userAttributeKeys,
        uiUrlTemplate,
        displayName,
        OtlpFileOptions.DEFAULTS,
        Clock.systemUTC());
  }

  /**
   * Indexes the {@code *.jsonl} and {@code *.json} files of the directory (not its subdirectories).
   * The index follows the directory only when {@link #refresh} is called, or once {@link #follow}
   * calls it on a schedule.
   *
   * @param userAttributeKeys the span or resource attributes that hold the user ID, e.g. {@code
   *     user.id} and {@code enduser.id}
   * @param uiUrlTemplate a URL with {@value #TRACE_ID_PLACEHOLDER} and optionally {@value
   *     #SPAN_ID_PLACEHOLDER}, or empty when there is no UI to link to
   * @param displayName the name shown to people, e.g. {@code demo files}
   * @param options how often to poll, and how long traces are kept
   * @param clock tells which traces are past the maximum age
   * @throws IOException when the directory is missing or unreadable, or has no trace files
   * @throws IllegalArgumentException when there is no user attribute key, the name is blank, or the
   *     template lacks {@value #TRACE_ID_PLACEHOLDER}
   */
  public static OtlpFileBackend open(
      Path directory,
      List<String> userAttributeKeys,
      Optional<String> uiUrlTemplate,
      String displayName,
      OtlpFileOptions options,
      Clock clock)
      throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(clock, "clock");
    validate(userAttributeKeys, uiUrlTemplate, displayName);
    if (FileListing.list(directory).isEmpty()) {
      throw new FileNotFoundException(
          "no *.jsonl or *.json files in the OTLP trace directory " + directory.toAbsolutePath());
    }
    Vocabulary vocabulary = new Vocabulary();
    FactReader facts = new FactReader(new WatchedKeys(userAttributeKeys), vocabulary);
    LiveIndex index =
        new LiveIndex(
            directory, facts, vocabulary, options, clock, DirectoryIndexer.MAX_LINE_BYTES);
    index.refresh();
    LOG.info(
        "Indexed {} traces from {} files in {}; {} unreadable lines skipped",
        index.traceCount(),
        index.fileCount(),
        directory,
        index.skippedLines());
    OtlpJsonReader reader = new OtlpJsonReader(Set.copyOf(userAttributeKeys));
    return new OtlpFileBackend(
        displayName,
        directory,
        index,
        new TraceLoader(reader),
        uiUrlTemplate,
        options,
        userAttributeKeys);
  }

  /**
   * Brings the index up to date with the directory: lines appended to files, new files, files
   * renamed by rotation, truncated or deleted, and traces past the maximum age (whose files are
   * deleted when so configured). One refresh runs at a time; searches go on meanwhile.
   *
   * @throws IOException when the directory can no longer be listed
   */
  public void refresh() throws IOException {
    LiveIndex.Refresh refresh = index.refresh();
    if (refresh.traceCountChange() != 0 || refresh.dropped() || refresh.newFiles() > 0) {
      LOG.debug("Refreshed {}: {}", directory, refresh);
    }
  }

  /**
   * Calls {@link #refresh} on the scheduler every poll interval, so that what the collector writes
   * is searchable within about one interval, until the scheduler is shut down. A failed refresh is
   * logged and tried again on the next tick.
   */
  public ScheduledFuture<?> follow(ScheduledExecutorService scheduler) {
    long interval = options.pollInterval().toMillis();
    return scheduler.scheduleWithFixedDelay(
        this::refreshLogged, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void refreshLogged() {
    try {
      refresh();
      if (failing) {
        LOG.info("Refreshing the index of {} works again", directory);
        failing = false;
      }
    } catch (IOException | RuntimeException failed) {
      // A scheduled task that throws is never run again: log, and try on the next tick. Said once
      // per run of failures, not every tick; check() reports it meanwhile.
      if (!failing) {
        LOG.warn("Refreshing the index of {} failed: {}", directory, failed.toString());
        failing = true;
      }
    }
  }

  @Override
  public String displayName() {
    return displayName;
  }

  /** Returns the matching traces, newest first, each whole; warns when the limit cut some off. */
  @Override
  public SearchResult search(TraceQuery query) {
    List<IndexedTrace> matches =
        index.tracesOf(query.userId()).stream().filter(trace -> trace.matches(query)).toList();
    List<TraceRef> found = new ArrayList<>();
    try {
      for (IndexedTrace trace : matches.subList(0, Math.min(query.limit(), matches.size()))) {
        found.add(TraceRef.of(loader.load(trace)));
      }
    } catch (IOException unreadable) {
      return new SearchResult.Failed(failure(unreadable));
    }
    List<String> warnings =
        matches.size() > found.size()
            ? List.of(matches.size() + " traces matched; showing the newest " + found.size() + ".")
            : List.of();
    return new SearchResult.Found(found, warnings);
  }

  /**
   * Answers from the index, which remembers for every trace that spans link into the traces holding
   * those spans: the linking traces that overlap the window, newest first, each whole.
   */
  @Override
  public LinkSearch searchLinkingTo(LinkQuery query) {
    List<TraceRef> found = new ArrayList<>();
    try {
      for (IndexedTrace trace : index.tracesLinkingTo(query.traceId())) {
        if (found.size() == query.limit()) {
          break;
        }
        if (trace.overlaps(query.from(), query.to())) {
          found.add(TraceRef.of(loader.load(trace)));
        }
      }
    } catch (IOException unreadable) {
      return new LinkSearch.Failed(failure(unreadable));
    }
    return new LinkSearch.Found(found);
  }

  /**
   * Counts from the index, which knows per trace its time range, service and span names and whether
   * a span fails: the candidates are read one at a time, checked span by span against the signature
   * and dropped, so memory stays bounded by the limit whatever the burst.
   */
  @Override
  public SameFailureCount countSameFailure(SameFailureQuery query) {
    FailureSignature signature = query.signature();
    // A candidate may fail elsewhere than the culprit: read a few more than the limit.
    int candidatesRead = query.limit() * CANDIDATES_PER_COUNTED;
    List<IndexedTrace> candidates =
        index.failingWith(
            signature.service(), signature.spanName(), query.from(), query.to(), candidatesRead);
    FailureTally.Builder tally = FailureTally.builder(userAttributeKeys, query.limit());
    try {
      for (IndexedTrace candidate : candidates) {
        if (!tally.addIfFailed(loader.load(candidate), signature)) {
          break;
        }
      }
    } catch (IOException unreadable) {
      return new SameFailureCount.Failed(failure(unreadable));
    }
    if (candidates.size() >= candidatesRead) {
      tally.limitReached();
    }
    return new SameFailureCount.Counted(tally.build());
  }

  /** Fetches a trace by ID in any form {@link TraceIds} reads: upper case, unpadded, base64. */
  @Override
  public FetchResult fetch(String traceId) {
    Objects.requireNonNull(traceId, "traceId");
    Optional<String> normalised = TraceIds.traceId(traceId);
    Optional<IndexedTrace> indexed = normalised.flatMap(index::trace);
    if (indexed.isEmpty()) {
      return new FetchResult.NotFound(normalised.orElse(traceId));
    }
    try {
      return new FetchResult.Fetched(loader.load(indexed.get()), false);
    } catch (IOException unreadable) {
      return new FetchResult.Failed(failure(unreadable));
    }
  }

  @Override
  public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
    return uiUrlTemplate.map(
        template ->
            template
                .replace(TRACE_ID_PLACEHOLDER, urlEncoded(traceId))
                .replace(SPAN_ID_PLACEHOLDER, urlEncoded(focusSpanId.orElse(""))));
  }

  /**
   * Answers OK while the directory can still be read: every search and fetch reads the traces'
   * lines again from their files.
   */
  @Override
  public CheckResult check() {
    return Files.isDirectory(directory) && Files.isReadable(directory)
        ? CheckResult.OK
        : CheckResult.failed(
            BackendFailure.of(
                BackendFailure.Kind.UNREACHABLE,
                displayName,
                "the trace directory can no longer be read"));
  }

  /** Returns how many traces the index holds. */
  public int traceCount() {
    return index.traceCount();
  }

  /** Returns how many lines could not be read as OTLP JSON and were left out of the index. */
  public int skippedLines() {
    return index.skippedLines();
  }

  private BackendFailure failure(IOException unreadable) {
    BackendFailure.Kind kind =
        unreadable instanceof OtlpFormatException
            ? BackendFailure.Kind.MALFORMED
            : BackendFailure.Kind.UNREACHABLE;
    return BackendFailure.of(
        kind, displayName, "reading the trace files again failed: " + unreadable);
  }

  private static void validate(
      List<String> userAttributeKeys, Optional<String> uiUrlTemplate, String displayName) {
    Objects.requireNonNull(userAttributeKeys, "userAttributeKeys");
    Objects.requireNonNull(uiUrlTemplate, "uiUrlTemplate");
    Objects.requireNonNull(displayName, "displayName");
    if (userAttributeKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "no user attribute keys given; name at least one, e.g. user.id");
    }
    if (displayName.isBlank()) {
      throw new IllegalArgumentException("the backend's display name is blank");
    }
    if (uiUrlTemplate.isPresent() && !uiUrlTemplate.get().contains(TRACE_ID_PLACEHOLDER)) {
      throw new IllegalArgumentException(
          "the trace URL template has no "
              + TRACE_ID_PLACEHOLDER
              + " placeholder: "
              + uiUrlTemplate.get());
    }
  }

  private static String urlEncoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
