package dev.tracelookup.tickets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the time zone a ticket system keeps for a person into a {@link ZoneId}. Jira sends IANA
 * IDs; Zendesk and Freshdesk send Rails names such as {@code Eastern Time (US & Canada)} or {@code
 * Chennai}, mapped here as Rails maps them.
 */
public final class RequesterZones {
  private static final Map<String, String> RAILS = load("rails-time-zones.txt");

  private RequesterZones() {}

  /** Returns the zone an IANA ID or Rails name stands for; unknown names are no zone at all. */
  public static Optional<ZoneId> parse(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String id = RAILS.getOrDefault(name.trim(), name.trim());
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException unknown) {
      return Optional.empty();
    }
  }

  static Map<String, String> railsNames() {
    return RAILS;
  }

  private static Map<String, String> load(String resource) {
    Map<String, String> names = new HashMap<>();
    try (InputStream in = RequesterZones.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int equals = line.lastIndexOf('=');
        if (!line.startsWith("#") && equals > 0) {
          names.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return Map.copyOf(names);
  }
}
