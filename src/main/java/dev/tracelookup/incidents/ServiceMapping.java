package dev.tracelookup.incidents;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the trace's {@code service.name} values to one source's own names for what an incident
 * affects: Statuspage components, PagerDuty services, incident.io catalog entries. A trace service
 * always matches its identical name; configured names are added to it. Case is ignored throughout.
 */
public final class ServiceMapping {
  private static final ServiceMapping IDENTITY = new ServiceMapping(Map.of());

  private final Map<String, Set<String>> extraNames;

  private ServiceMapping(Map<String, Set<String>> extraNames) {
    this.extraNames = extraNames;
  }

  /** Returns the mapping where each trace service matches only its own name. */
  public static ServiceMapping identity() {
    return IDENTITY;
  }

  /**
   * Returns a mapping with extra names per trace service, e.g. {@code payment-svc → [Payments,
   * P1A2B3C]} for a Statuspage component and a PagerDuty service ID.
   */
  public static ServiceMapping of(Map<String, ? extends Collection<String>> namesByTraceService) {
    Map<String, Set<String>> extra = new HashMap<>();
    namesByTraceService.forEach(
        (service, names) -> {
          Set<String> normalised =
              extra.computeIfAbsent(normalise(service), key -> new HashSet<>());
          names.forEach(name -> normalised.add(normalise(name)));
        });
    extra.replaceAll((service, names) -> Set.copyOf(names));
    return new ServiceMapping(Map.copyOf(extra));
  }

  /** Returns whether an incident on these source names affects any of these trace services. */
  public boolean affects(Collection<String> incidentServices, Collection<String> traceServices) {
    Set<String> affected = new HashSet<>();
    incidentServices.forEach(name -> affected.add(normalise(name)));
    for (String service : traceServices) {
      String own = normalise(service);
      if (affected.contains(own)
          || extraNames.getOrDefault(own, Set.of()).stream().anyMatch(affected::contains)) {
        return true;
      }
    }
    return false;
  }

  private static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
