package dev.tracelookup.incidents;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A known incident, as any source reports it once normalised to a window.
 *
 * @param id what people call it: {@code INC-4521}, PagerDuty's {@code #1234}
 * @param status {@link IncidentStatus#RESOLVED} exactly when {@code resolved} is present
 * @param started when the impact began (or, lacking that, when the incident was opened)
 * @param resolved when it ended; empty while ongoing
 * @param services the source's own names for what was affected (components, services, catalog
 *     entries), matched to trace services through a {@link ServiceMapping}
 * @param signature what its failures look like, when the source can say (the YAML file can)
 * @param url the incident's page: status page, PagerDuty or incident.io
 * @param customerSummary a sentence fit for customers ("Our payment processing system experienced a
 *     brief connectivity issue"); the title is for engineers and stays internal
 * @param source the name of the source it came from
 */
public record Incident(
    String id,
    String title,
    IncidentStatus status,
    Instant started,
    Optional<Instant> resolved,
    Set<String> services,
    Optional<IncidentSignature> signature,
    Optional<String> url,
    Optional<String> customerSummary,
    String source) {

  public Incident {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(started, "started");
    resolved = resolved == null ? Optional.empty() : resolved;
    services = services == null ? Set.of() : Set.copyOf(services);
    signature = signature == null ? Optional.empty() : signature;
    url = url == null ? Optional.empty() : url.filter(link -> !link.isBlank());
    customerSummary =
        customerSummary == null
            ? Optional.empty()
            : customerSummary.filter(text -> !text.isBlank());
    Objects.requireNonNull(source, "source");
    if (resolved.isPresent() != (status == IncidentStatus.RESOLVED)) {
      throw new IllegalArgumentException(
          id
              + ": status "
              + status.label()
              + " does not agree with "
              + (resolved.isPresent() ? "a resolution time" : "no resolution time"));
    }
    if (resolved.isPresent() && resolved.get().isBefore(started)) {
      throw new IllegalArgumentException(id + ": resolved before it started");
    }
  }

  public boolean ongoing() {
    return resolved.isEmpty();
  }
}
