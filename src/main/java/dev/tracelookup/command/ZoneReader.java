package dev.tracelookup.command;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the time zone: {@code tz America/New_York}, {@code tz=CET}, or a plain zone such as {@code
 * UTC+2}.
 */
final class ZoneReader implements ClauseReader {
  private static final Set<String> KEYWORDS =
      Set.of("tz", "--tz", "zone", "--zone", "timezone", "time-zone");

  @Override
  public boolean read(TokenCursor in, CommandDraft draft) {
    if (KEYWORDS.contains(in.word(0))) {
      readNamed(in, draft);
      return true;
    }
    Optional<ZoneId> bare = ZoneNames.bare(in.word(0));
    if (bare.isEmpty()) {
      return false;
    }
    draft.zone(bare.get(), in.token(0).text());
    in.advance(1);
    return true;
  }

  private static void readNamed(TokenCursor in, CommandDraft draft) {
    String keyword = in.token(0).text();
    in.advance(1);
    if (!in.hasMore()) {
      draft.fail(
          Quoting.code(keyword)
              + " needs a time zone after it, e.g. `tz America/New_York` or `tz UTC+2`.");
      return;
    }
    String typed = in.token(0).text();
    Optional<ZoneId> zone = ZoneNames.named(typed);
    in.advance(1);
    if (zone.isEmpty()) {
      draft.fail(
          "I don't know the time zone "
              + Quoting.code(typed)
              + ". Use an IANA name such as "
              + "`America/New_York`, an offset such as `UTC+2`, or `ET`, `PT`, `CET`, `UTC`.");
      return;
    }
    draft.zone(zone.get(), typed);
  }
}
