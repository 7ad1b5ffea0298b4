package dev.tracelookup.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of known-incident source, as {@code incidents.sources[].type} names them. Adding one
 * means a constant here and a case in the wiring's exhaustive switch, which the compiler then asks
 * for.
 */
public enum IncidentSourceType {
  /** A YAML file of incidents, kept by hand or by a script. */
  FILE("file", Optional.empty()),
  /** Atlassian Statuspage: a public page, or the management API with a page ID. */
  STATUSPAGE("statuspage", Optional.empty()),
  PAGERDUTY("pagerduty", Optional.of("https://api.pagerduty.com")),
  INCIDENT_IO("incident-io", Optional.of("https://api.incident.io"));

  private final String configName;
  private final Optional<String> defaultUrl;

  IncidentSourceType(String configName, Optional<String> defaultUrl) {
    this.configName = configName;
    this.defaultUrl = defaultUrl;
  }

  /** Returns the name {@code type:} takes, e.g. {@code incident-io}. */
  public String configName() {
    return configName;
  }

  /** Returns the API base used when the source names no {@code url}; empty when one is required. */
  Optional<String> defaultUrl() {
    return defaultUrl;
  }

  /** Returns the type {@code type:} names, or empty when it names none. */
  static Optional<IncidentSourceType> fromConfigName(String name) {
    return Arrays.stream(values()).filter(type -> type.configName.equals(name)).findFirst();
  }

  /** Returns every config name, in declaration order, for the message about an unknown one. */
  static List<String> configNames() {
    return Arrays.stream(values()).map(IncidentSourceType::configName).toList();
  }
}
