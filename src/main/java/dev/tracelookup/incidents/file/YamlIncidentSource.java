package dev.tracelookup.incidents.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentSource;
import dev.tracelookup.incidents.SourceResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Incidents from a YAML file, read again on every fetch so edits show up within the TTL:
 *
 * <pre>
 * incidents:
 *   - id: INC-4521
 *     title: Payment gateway unreachable
 *     status: resolved                      # optional: investigating, identified, monitoring, resolved
 *     started_at: 2026-02-06T14:12:00Z
 *     resolved_at: 2026-02-06T14:25:00Z     # absent while ongoing
 *     services: [payment-svc]               # trace service.name values
 *     signature: {span_name: POST payment-svc/charge, http_status: [502], exception_type: ConnectionRefusedError}
 *     link: https://status.example.com/incidents/INC-4521
 *     customer_summary: Our payment processing system experienced a brief connectivity issue
 * </pre>
 *
 * <p>A bare list (without the {@code incidents} key) is read too. The whole file is returned
 * whatever the range asked for: it is small and local. Unknown keys and bad entries fail the fetch
 * with a message naming the entry, because a typo silently dropping an incident is worse.
 */
public final class YamlIncidentSource implements IncidentSource {
  // Its own mapper, not ConfigLoader's: entries bind to records strictly (an unknown key fails the
  // fetch), where the configuration is read as a tree and checked key by key.
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .build();

  private final String name;
  private final Path file;

  /**
   * @param name how cards name this source, e.g. {@code incidents file}
   */
  public YamlIncidentSource(String name, Path file) {
    this.name = Objects.requireNonNull(name, "name");
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceResult fetch(Instant from, Instant to) {
    try {
      JsonNode entries = entries(YAML.readTree(file.toFile()));
      List<Incident> incidents = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        incidents.add(YamlEntries.toIncident(entry(entries.get(i), i + 1), i + 1, name));
      }
      return new SourceResult.Fetched(incidents);
    } catch (JsonProcessingException unreadable) {
      return failed(unreadable.getOriginalMessage() + location(unreadable));
    } catch (IOException unreadable) {
      return failed("cannot be read (" + unreadable.getClass().getSimpleName() + ")");
    } catch (YamlEntries.InvalidEntry invalid) {
      return failed(invalid.getMessage());
    }
  }

  private static JsonNode entries(JsonNode root) throws YamlEntries.InvalidEntry {
    JsonNode entries = root != null && root.isObject() ? root.get("incidents") : root;
    if (entries == null || entries.isNull()) {
      return YAML.createArrayNode();
    }
    if (!entries.isArray()) {
      throw new YamlEntries.InvalidEntry("expected a list of incidents under the key incidents");
    }
    return entries;
  }

  private static YamlEntry entry(JsonNode node, int number) throws YamlEntries.InvalidEntry {
    try {
      return YAML.treeToValue(node, YamlEntry.class);
    } catch (JsonProcessingException wrongShape) {
      // Unknown keys land here: a misspelt resolved_at would otherwise make a resolved incident
      // ongoing.
      throw new YamlEntries.InvalidEntry(
          "entry " + number + ": " + wrongShape.getOriginalMessage());
    }
  }

  private SourceResult failed(String detail) {
    return new SourceResult.Failed(file + ": " + detail);
  }

  private static String location(JsonProcessingException problem) {
    return problem.getLocation() == null ? "" : " (line " + problem.getLocation().getLineNr() + ")";
  }
}
