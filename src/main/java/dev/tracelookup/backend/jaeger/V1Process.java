package dev.tracelookup.backend.jaeger;

import java.util.Map;
import java.util.Objects;

/** A process of Jaeger's UI JSON: the service and the resource's tags. */
record V1Process(String serviceName, Map<String, String> tags) {
  static final V1Process UNKNOWN = new V1Process("", Map.of());

  V1Process {
    serviceName = serviceName == null ? "" : serviceName;
    tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
  }
}
