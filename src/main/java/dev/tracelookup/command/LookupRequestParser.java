package dev.tracelookup.command;

import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.time.DateOrder;
import dev.tracelookup.time.DurationText;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads what an agent typed after {@code /trace-lookup}: {@code <user-id> [time] [options]}, e.g.
 * {@code usr_k8x9m2 2:15pm}, {@code usr_k8x9m2 2026-02-06 14:15 tz UTC} or {@code usr_1 yesterday
 * 3pm service checkout errors}. See {@link CommandSyntax} for every form.
 *
 * <p>Text that does not fit the command's grammar because it was pasted ("Customer `usr_k8x9m2`
 * reports checkout failed at 2:15pm") is read again as prose by {@link PastedText}: the ID picked
 * by pattern, shape and cue words, times wherever they stand. When that reading is not sure, the
 * answer carries a {@link ParseResult.Guess} for the lookup form.
 *
 * <p>Never throws for any text: whatever cannot be read becomes {@link ParseResult.Invalid} with
 * what was understood so far and how to fix it.
 */
public final class LookupRequestParser {
  /** How to name a zone, for answers to a zone that could not be read. */
  public static final String ZONE_EXAMPLES =
      "an IANA name such as America/New_York, an offset such as UTC+2, or EST, PT, CET, UTC";

  private static final int MAX_TEXT_LENGTH = 2_000;
  private static final int MAX_TYPOS = 2;
  private static final Set<String> HELP_WORDS = Set.of("help", "?", "-h", "--help", "-help");
  private static final String NO_USER_ID =
      "Which customer? Start with their user ID, e.g. `/trace-lookup usr_k8x9m2 2:15pm`.";

  private final Map<DateOrder, List<ClauseReader>> readers = new EnumMap<>(DateOrder.class);
  private final Map<DateOrder, PastedText> prose = new EnumMap<>(DateOrder.class);
  private final Optional<DateOrder> fixedOrder;
  private final WindowResolver windows;

  /**
   * Creates a parser.
   *
   * @param clock the source of "now", which times are read against
   * @param userIdPattern the user IDs the deployment accepts
   * @param defaultHalfWindow how far either side of a point in time to search
   * @param defaultRecent how far back to search when no time is given
   * @param maxWindow the longest window a lookup may cover (the backend's limit)
   * @throws IllegalArgumentException when a duration is not positive
   */
  public LookupRequestParser(
      Clock clock,
      Pattern userIdPattern,
      Duration defaultHalfWindow,
      Duration defaultRecent,
      Duration maxWindow) {
    this(clock, userIdPattern, defaultHalfWindow, defaultRecent, maxWindow, Optional.empty());
  }

  /**
   * Creates a parser that reads short dates such as {@code 2/6} in the given order, whatever the
   * agent's locale.
   *
   * @see #LookupRequestParser(Clock, Pattern, Duration, Duration, Duration)
   */
  public LookupRequestParser(
      Clock clock,
      Pattern userIdPattern,
      Duration defaultHalfWindow,
      Duration defaultRecent,
      Duration maxWindow,
      DateOrder dateOrder) {
    this(
        clock,
        userIdPattern,
        defaultHalfWindow,
        defaultRecent,
        maxWindow,
        Optional.of(Objects.requireNonNull(dateOrder, "dateOrder")));
  }

  /**
   * Creates a parser.
   *
   * @param fixedOrder how every short date such as {@code 2/6} is read; empty to read it in the
   *     order of the agent's locale when {@link #parse(String, ZoneId, Optional)} is given one, and
   *     month first otherwise
   * @see #LookupRequestParser(Clock, Pattern, Duration, Duration, Duration)
   */
  public LookupRequestParser(
      Clock clock,
      Pattern userIdPattern,
      Duration defaultHalfWindow,
      Duration defaultRecent,
      Duration maxWindow,
      Optional<DateOrder> fixedOrder) {
    Objects.requireNonNull(clock, "clock");
    this.fixedOrder = Objects.requireNonNull(fixedOrder, "fixedOrder");
    Objects.requireNonNull(userIdPattern, "userIdPattern");
    requirePositive(defaultHalfWindow, "defaultHalfWindow");
    requirePositive(defaultRecent, "defaultRecent");
    requirePositive(maxWindow, "maxWindow");
    UserIdRule rule = new UserIdRule(userIdPattern);
    for (DateOrder order : DateOrder.values()) {
      TimeExpressionReader times = new TimeExpressionReader(order);
      // Order matters: the user ID is whatever the readers of keywords, zones and times leave.
      readers.put(
          order,
          List.of(
              new FillerReader(),
              new OptionReader(maxWindow),
              new ZoneReader(),
              times,
              new UserIdReader(rule)));
      prose.put(order, new PastedText(rule, times));
    }
    this.windows = new WindowResolver(clock, defaultHalfWindow, defaultRecent, maxWindow);
  }

  /**
   * Reads the command text.
   *
   * @param text what followed {@code /trace-lookup}; null reads as empty
   * @param agentZone the zone to read times in when the text names none; null reads as UTC
   * @return the request, a request for help, or what is wrong with the text
   */
  public ParseResult parse(String text, ZoneId agentZone) {
    return parse(text, agentZone, Optional.empty());
  }

  /**
   * Reads the command text as an agent whose locale writes dates in {@code agentOrder}; a
   * configured order wins over it.
   *
   * @see #parse(String, ZoneId)
   */
  public ParseResult parse(String text, ZoneId agentZone, Optional<DateOrder> agentOrder) {
    DateOrder order = fixedOrder.or(() -> agentOrder).orElse(DateOrder.MDY);
    if (text != null && text.length() > MAX_TEXT_LENGTH) {
      return new ParseResult.Invalid(
          "That is too long for a lookup. Give the customer's user ID, a time and "
              + "a few options, e.g. `/trace-lookup usr_k8x9m2 2:15pm service checkout`.",
          "");
    }
    List<Token> tokens = CommandTokenizer.tokenize(text);
    if (tokens.isEmpty() || asksForHelp(tokens)) {
      return new ParseResult.HelpRequested();
    }
    CommandDraft draft = read(tokens, readers.get(order));
    requireComplete(draft);
    ZoneId zone = agentZone == null ? ZoneOffset.UTC : agentZone;
    if (draft.proseMayRead()) {
      PastedText.Reading reading = prose.get(order).read(text);
      if (!typoInCommand(draft, reading)) {
        return new ProseAnswer(windows, zone).answer(reading, draft);
      }
    }
    Optional<TimeWindow> window = draft.failed() ? Optional.empty() : windows.resolve(draft, zone);
    Optional<LookupRequest> request = window.flatMap(draft::request);
    if (request.isPresent()) {
      return new ParseResult.Parsed(request.get());
    }
    return new ParseResult.Invalid(draft.problem().orElse(NO_USER_ID), draft.understood());
  }

  /**
   * Returns the zone a form field or option names, read exactly as after {@code tz} in a command:
   * an IANA name in any case, UTC and its offsets ({@code UTC+2}, {@code -05:00}), or a common
   * abbreviation standing for its region ({@code EST} is New York time, daylight saving included).
   * Every face reads typed zones through here, so the form and the command never disagree.
   *
   * @param text what was typed; null or blank names no zone
   * @return the zone, or empty when the text names none
   */
  public static Optional<ZoneId> zone(String text) {
    return text == null || text.isBlank() ? Optional.empty() : ZoneNames.named(text.strip());
  }

  private static CommandDraft read(List<Token> tokens, List<ClauseReader> readers) {
    CommandDraft draft = new CommandDraft();
    TokenCursor in = new TokenCursor(tokens);
    while (in.hasMore() && !draft.failed()) {
      for (ClauseReader reader : readers) {
        if (reader.read(in, draft)) {
          break;
        }
      }
    }
    return draft;
  }

  /**
   * Returns whether the text is a command with a word or two that cannot be read ({@code usr_1
   * 2:15pm banana}, {@code usr_1 teatime}): the prose finds no more than the command did, and what
   * is left over is a word or two that are not everyday prose ("failed", "checkout"). That is a
   * typo to point out, not prose to read past, which would search a window the agent did not mean.
   */
  private static boolean typoInCommand(CommandDraft draft, PastedText.Reading prose) {
    List<String> unknown = draft.unknownWords();
    boolean proseReadNoMore =
        prose.userIds().equals(List.of(draft.userId().orElse("")))
            && prose.times().size() == (draft.time().isPresent() ? 1 : 0);
    return draft.userId().isPresent()
        && !unknown.isEmpty()
        && unknown.size() <= MAX_TYPOS
        && unknown.stream().noneMatch(ProseWords::common)
        && proseReadNoMore;
  }

  private static void requireComplete(CommandDraft draft) {
    List<String> unknown = draft.unknownWords();
    if (!unknown.isEmpty()) {
      String quoted =
          unknown.stream().limit(5).map(Quoting::code).collect(Collectors.joining(", "));
      boolean length =
          unknown.stream()
              .anyMatch(word -> DurationText.parse(word.toLowerCase(Locale.ROOT)).isPresent());
      draft.failAsCommand(
          "I did not understand "
              + quoted
              + ". After the user ID give a time and options such as "
              + "`service checkout`, `errors` or `tz UTC`; see `/trace-lookup help`."
              + (length ? " For a length of time write `30m ago` or `window 30m`." : ""));
    }
    if (draft.userId().isEmpty()) {
      draft.failAsCommand(NO_USER_ID);
    }
  }

  /**
   * Returns whether the text asks for help: a help word alone, first, or in a short command ("usr_1
   * help"); "can you help with usr_1 at 2pm?" is a lookup written as prose.
   */
  private static boolean asksForHelp(List<Token> tokens) {
    boolean first = asksForHelp(tokens.get(0));
    return first
        || tokens.size() <= 3 && tokens.stream().anyMatch(LookupRequestParser::asksForHelp);
  }

  private static boolean asksForHelp(Token token) {
    return token.kind() == Token.Kind.WORD && HELP_WORDS.contains(token.lower());
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
