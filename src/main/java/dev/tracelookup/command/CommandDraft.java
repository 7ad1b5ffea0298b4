package dev.tracelookup.command;

import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.time.TimeFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The command as read so far, and the first thing found wrong with it. Readers fill it in; a clause
 * given twice is a problem, and the first one stays, because the agent meant only one.
 */
final class CommandDraft {
  private String userId;
  private ZoneId zone;
  private TimeExpression time;
  private String timeTyped;
  private Duration halfWindow;
  private String service;
  private String spanName;
  private boolean errorsOnly;
  private final List<String> unknownWords = new ArrayList<>();
  private String problem;
  private boolean proseMayRead;

  /** Records the problem unless an earlier one was found: the first is the one to fix. */
  void fail(String problem) {
    if (this.problem == null) {
      this.problem = problem;
    }
  }

  /**
   * Records a problem that reading the text as prose may get past: a word that is not the user ID,
   * a word left over, a link or a mention. Text pasted from a ticket fails the command's grammar in
   * exactly these ways.
   */
  void failAsCommand(String problem) {
    if (this.problem == null) {
      this.problem = problem;
      this.proseMayRead = true;
    }
  }

  /** Returns whether the first problem is one that reading the text as prose may get past. */
  boolean proseMayRead() {
    return proseMayRead;
  }

  boolean failed() {
    return problem != null;
  }

  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  void userId(String userId) {
    this.userId = userId;
  }

  void zone(ZoneId zone, String typed) {
    if (this.zone != null) {
      fail(
          "Two time zones: "
              + Quoting.code(TimeFormat.zone(this.zone))
              + " and "
              + Quoting.code(typed)
              + ". Name one, e.g. `tz Europe/Paris`.");
      return;
    }
    this.zone = zone;
  }

  void time(TimeExpression time, String typed) {
    if (this.time != null) {
      fail(
          "Two times: "
              + Quoting.code(timeTyped)
              + " and "
              + Quoting.code(typed)
              + ". Give one time, or a range such as `14:00-14:30`.");
      return;
    }
    this.time = time;
    this.timeTyped = typed;
  }

  void halfWindow(Duration halfWindow) {
    if (this.halfWindow != null) {
      fail("The window is given twice. Give it once, e.g. `window 30m`.");
      return;
    }
    this.halfWindow = halfWindow;
  }

  void service(String service) {
    if (this.service != null) {
      fail(
          "Two services: "
              + Quoting.code(this.service)
              + " and "
              + Quoting.code(service)
              + ". Name one.");
      return;
    }
    this.service = service;
  }

  void spanName(String spanName) {
    if (this.spanName != null) {
      fail(
          "Two actions: "
              + Quoting.code(this.spanName)
              + " and "
              + Quoting.code(spanName)
              + ". Name one.");
      return;
    }
    this.spanName = spanName;
  }

  void errorsOnly() {
    errorsOnly = true;
  }

  void unknownWord(String typed) {
    unknownWords.add(typed);
  }

  Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  Optional<TimeExpression> time() {
    return Optional.ofNullable(time);
  }

  Optional<Duration> halfWindow() {
    return Optional.ofNullable(halfWindow);
  }

  /** Returns the request with this window, once there is a user ID to look up. */
  Optional<LookupRequest> request(TimeWindow window) {
    return userId()
        .map(
            id ->
                new LookupRequest(
                    id,
                    window,
                    Optional.ofNullable(service),
                    Optional.ofNullable(spanName),
                    errorsOnly));
  }

  /**
   * Copies the options the other draft read (service, action, errors only, window), so reading the
   * text again as prose loses none of what was typed as a command.
   */
  void optionsFrom(CommandDraft other) {
    if (other.service != null) {
      service(other.service);
    }
    if (other.spanName != null) {
      spanName(other.spanName);
    }
    if (other.errorsOnly) {
      errorsOnly();
    }
    if (other.halfWindow != null) {
      halfWindow(other.halfWindow);
    }
  }

  /** Returns the time as it was typed, for the lookup form; empty when none was. */
  String timeTyped() {
    return timeTyped == null ? "" : timeTyped;
  }

  List<String> unknownWords() {
    return List.copyOf(unknownWords);
  }

  /** Returns what was understood, for quoting back: "user usr_1, time 2:15pm, zone UTC". */
  String understood() {
    StringJoiner parts = new StringJoiner(", ");
    userId().ifPresent(id -> parts.add("user " + Quoting.plain(id)));
    time().ifPresent(t -> parts.add("time " + Quoting.plain(timeTyped)));
    zone().ifPresent(z -> parts.add("zone " + TimeFormat.zone(z)));
    halfWindow().ifPresent(w -> parts.add("window ±" + DurationFormat.prose(w)));
    if (service != null) {
      parts.add("service " + Quoting.plain(service));
    }
    if (spanName != null) {
      parts.add("action " + Quoting.plain(spanName));
    }
    if (errorsOnly) {
      parts.add("errors only");
    }
    return parts.toString();
  }
}
