package dev.tracelookup.app;

import dev.tracelookup.config.Config;
import dev.tracelookup.config.Secret;
import dev.tracelookup.incidents.CatalogSettings;
import dev.tracelookup.incidents.CatalogSource;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.IncidentSource;
import dev.tracelookup.incidents.ServiceMapping;
import dev.tracelookup.incidents.SourceHttp;
import dev.tracelookup.incidents.file.YamlIncidentSource;
import dev.tracelookup.incidents.remote.IncidentIoSource;
import dev.tracelookup.incidents.remote.PagerDutySource;
import dev.tracelookup.incidents.remote.StatuspageSource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the incident catalog from the {@code incidents:} configuration. */
final class IncidentWiring {
  private IncidentWiring() {}

  static IncidentCatalog catalog(
      Config.Incidents config, HttpClient client, Clock clock, ScheduledExecutorService scheduler) {
    SourceHttp http = SourceHttp.defaults(client, clock);
    List<CatalogSource> sources = new ArrayList<>();
    for (Config.IncidentSource source : config.sources()) {
      sources.add(
          new CatalogSource(
              source(source, http), source.ttl(), ServiceMapping.of(source.services())));
    }
    CatalogSettings defaults = CatalogSettings.defaults();
    CatalogSettings settings =
        new CatalogSettings(
            config.declaredLate(),
            config.resolvedEarly(),
            defaults.lookback(),
            defaults.staleLimit());
    return new IncidentCatalog(sources, settings, scheduler, clock);
  }

  private static IncidentSource source(Config.IncidentSource source, SourceHttp http) {
    String secret = source.secret().map(Secret::value).orElse("");
    // A switch expression: a new IncidentSourceType does not compile until it has its case here.
    return switch (source.type()) {
      case FILE -> new YamlIncidentSource(source.name(), source.path().orElseThrow());
      case STATUSPAGE ->
          source.pageId().isPresent()
              ? StatuspageSource.managementApi(
                  source.name(), source.url().orElseThrow(), source.pageId().get(), secret, http)
              : StatuspageSource.publicPage(source.name(), source.url().orElseThrow(), http);
      case PAGERDUTY ->
          new PagerDutySource(source.name(), source.url().orElseThrow(), secret, http);
      case INCIDENT_IO ->
          new IncidentIoSource(
              source.name(),
              source.url().orElseThrow(),
              secret,
              IncidentIoSource.Fields.defaults(),
              http);
    };
  }
}
