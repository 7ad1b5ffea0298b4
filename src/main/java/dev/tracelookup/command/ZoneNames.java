package dev.tracelookup.command;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what agents write for a time zone into a {@link ZoneId}: IANA names in any case, UTC and
 * its offsets, and the common abbreviations, which map to a region so daylight saving is right
 * ("EST" in July still means New York time, as the agent meant).
 */
final class ZoneNames {
  private static final Map<String, ZoneId> ABBREVIATIONS = abbreviations();
  private static final Map<String, String> REGION_IDS =
      ZoneId.getAvailableZoneIds().stream()
          .collect(
              Collectors.toUnmodifiableMap(id -> id.toLowerCase(Locale.ROOT), Function.identity()));

  /** "UTC+2", "GMT-05:00", "+05:30": bare offsets need the sign and a colon or a UTC/GMT prefix. */
  private static final Pattern OFFSET =
      Pattern.compile("(utc|gmt)?([+-])(\\d{1,2})(?::?(\\d{2}))?");

  private ZoneNames() {}

  /** Returns the zone a word standing alone names, or empty when it is not plainly a zone. */
  static Optional<ZoneId> bare(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (ABBREVIATIONS.containsKey(lower)) {
      return Optional.of(ABBREVIATIONS.get(lower));
    }
    // Without "tz", only names with a slash count: "Japan" or "Egypt" might be meant otherwise.
    if (lower.contains("/") && REGION_IDS.containsKey(lower)) {
      return Optional.of(ZoneId.of(REGION_IDS.get(lower)));
    }
    Matcher offset = OFFSET.matcher(lower);
    boolean plainlyOffset = offset.matches() && (offset.group(1) != null || lower.contains(":"));
    return plainlyOffset ? offset(offset) : Optional.empty();
  }

  /**
   * Returns the zone a word after {@code tz} names: anything {@link #bare} takes, any IANA ID,
   * "+2".
   */
  static Optional<ZoneId> named(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (!ABBREVIATIONS.containsKey(lower) && REGION_IDS.containsKey(lower)) {
      return Optional.of(ZoneId.of(REGION_IDS.get(lower)));
    }
    Matcher offset = OFFSET.matcher(lower);
    return offset.matches() ? offset(offset) : bare(word);
  }

  private static Optional<ZoneId> offset(Matcher offset) {
    int hours = Integer.parseInt(offset.group(3));
    int minutes = offset.group(4) == null ? 0 : Integer.parseInt(offset.group(4));
    int sign = offset.group(2).equals("-") ? -1 : 1;
    try {
      ZoneOffset zoneOffset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      return Optional.of(
          zoneOffset.equals(ZoneOffset.UTC) ? ZoneOffset.UTC : ZoneId.ofOffset("UTC", zoneOffset));
    } catch (DateTimeException outOfRange) {
      return Optional.empty();
    }
  }

  private static Map<String, ZoneId> abbreviations() {
    Map<String, ZoneId> zones = new HashMap<>();
    name(zones, "UTC", "utc", "gmt", "z");
    name(zones, "America/New_York", "et", "est", "edt");
    name(zones, "America/Chicago", "ct", "cst", "cdt");
    name(zones, "America/Denver", "mt", "mst", "mdt");
    name(zones, "America/Los_Angeles", "pt", "pst", "pdt");
    name(zones, "Europe/London", "bst");
    name(zones, "Europe/Paris", "cet", "cest");
    name(zones, "Asia/Kolkata", "ist");
    name(zones, "Asia/Tokyo", "jst");
    name(zones, "Australia/Sydney", "aest", "aedt");
    return Map.copyOf(zones);
  }

  private static void name(Map<String, ZoneId> zones, String zone, String... abbreviations) {
    ZoneId id = zone.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(zone);
    for (String abbreviation : abbreviations) {
      zones.put(abbreviation, id);
    }
  }
}
