package dev.tracelookup.command;

import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.time.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the filters and the window: {@code service checkout}, {@code action "POST /orders"}, {@code
 * errors}, {@code window 30m} or {@code ±30m}.
 */
final class OptionReader implements ClauseReader {
  private static final Set<String> SERVICE = Set.of("service", "--service", "svc", "--svc");
  private static final Set<String> SPAN =
      Set.of("action", "--action", "span", "--span", "op", "--op", "operation");
  private static final Set<String> ERRORS =
      Set.of("errors", "--errors", "errors-only", "--errors-only", "errors_only", "errorsonly");
  private static final Set<String> WINDOW = Set.of("window", "--window");
  private static final List<String> PLUS_MINUS = List.of("±", "+-", "+/-");
  private static final int MAX_NAME_LENGTH = 200;

  private final Duration maxWindow;

  OptionReader(Duration maxWindow) {
    this.maxWindow = maxWindow;
  }

  @Override
  public boolean read(TokenCursor in, CommandDraft draft) {
    String word = in.word(0);
    if (ERRORS.contains(word)) {
      draft.errorsOnly();
      in.advance(1);
    } else if (SERVICE.contains(word)) {
      readName(in, draft, "`service checkout`", draft::service);
    } else if (SPAN.contains(word)) {
      readName(in, draft, "`action checkout.place_order`", draft::spanName);
    } else if (WINDOW.contains(word) || PLUS_MINUS.contains(word)) {
      in.advance(1);
      readWindow(in, draft);
    } else {
      return readAttachedWindow(in, draft);
    }
    return true;
  }

  /** Reads a window written onto its sign: {@code ±30m}, {@code +-1h}. */
  private boolean readAttachedWindow(TokenCursor in, CommandDraft draft) {
    String word = in.word(0);
    Optional<String> sign = PLUS_MINUS.stream().filter(word::startsWith).findFirst();
    if (sign.isEmpty()) {
      return false;
    }
    in.advance(1);
    acceptWindow(DurationText.parse(word.substring(sign.get().length())), draft);
    return true;
  }

  private static void readName(
      TokenCursor in, CommandDraft draft, String example, Consumer<String> into) {
    String keyword = in.token(0).text();
    in.advance(1);
    boolean named =
        in.hasMore()
            && (in.token(0).kind() == Token.Kind.WORD || in.token(0).kind() == Token.Kind.QUOTED)
            && in.token(0).text().length() <= MAX_NAME_LENGTH;
    if (!named) {
      draft.fail(
          Quoting.code(keyword)
              + " needs a name after it, e.g. "
              + example
              + ". Put a name with spaces in quotes.");
      return;
    }
    into.accept(in.token(0).text());
    in.advance(1);
  }

  private void readWindow(TokenCursor in, CommandDraft draft) {
    Optional<DurationText.Match> match = DurationText.read(in.word(0), in.word(1));
    match.ifPresent(m -> in.advance(m.words()));
    acceptWindow(match.map(DurationText.Match::length), draft);
  }

  private void acceptWindow(Optional<Duration> half, CommandDraft draft) {
    if (half.isEmpty() || half.get().isZero()) {
      draft.fail(
          "The window needs a length, e.g. `window 30m` or `±1h`: that many minutes or hours "
              + "either side of the time.");
    } else if (half.get().compareTo(maxWindow) > 0) {
      draft.fail(
          "A window of ±"
              + DurationFormat.prose(half.get())
              + " is wider than a lookup may cover ("
              + DurationFormat.prose(maxWindow)
              + "). Try `window 1h`.");
    } else {
      draft.halfWindow(half.get());
    }
  }
}
