package dev.tracelookup.config;

import dev.tracelookup.time.DateOrder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The whole configuration, validated: every value here is usable as it is. */
public record Config(
    Server server,
    Slack slack,
    Backend backend,
    Lookup lookup,
    Cache cache,
    Incidents incidents,
    Tickets tickets,
    Access access,
    Audit audit,
    Privacy privacy,
    Blast blast) {

  public Config {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(blast, "blast");
  }

  /**
   * How a failure's blast radius is counted: the other requests and customers that failed the same
   * way around the lookup's window.
   *
   * @param around how far the lookup's window is widened on each side for the count
   * @param limit at most this many traces are read per count; reaching it says "at least"
   * @param widespreadCustomers from this many other customers, a failure no incident matches is
   *     called out, and a matching incident is held one step more likely
   * @param cacheTtl how long a count is reused by other lookups of the same failure and window
   */
  public record Blast(Duration around, int limit, int widespreadCustomers, Duration cacheTtl) {
    public Blast {
      Objects.requireNonNull(around, "around");
      Objects.requireNonNull(cacheTtl, "cacheTtl");
    }
  }

  /**
   * Who may look up traces. Nothing listed means everyone in the workspace. When both channels and
   * people (users or groups) are listed, a request must match both: an allowed person in any
   * channel, or anyone in an allowed channel, would each widen access beyond what was written.
   *
   * <p>Whatever is listed, people of other workspaces and organisations (a partner's people in a
   * Slack Connect channel) are refused unless {@code externalAllowed} or their team is in {@code
   * teams}.
   *
   * @param channels channel IDs ({@code C…}, {@code G…}) lookups may come from
   * @param userGroups Slack user group IDs ({@code S…}) whose members may look up
   * @param users Slack user IDs ({@code U…}, {@code W…}) who may look up
   * @param ask who a refused agent is told to ask ("#support-tooling")
   * @param groupTtl how long a group's member list is trusted before it is read again
   * @param externalAllowed {@code access.external: allow}: people of any workspace may look up
   * @param teams other workspaces ({@code T…}) and organisations ({@code E…}) whose people count as
   *     the installing workspace's own
   */
  public record Access(
      List<String> channels,
      List<String> userGroups,
      List<String> users,
      String ask,
      Duration groupTtl,
      boolean externalAllowed,
      List<String> teams) {
    public Access {
      channels = List.copyOf(channels);
      userGroups = List.copyOf(userGroups);
      users = List.copyOf(users);
      Objects.requireNonNull(ask, "ask");
      Objects.requireNonNull(groupTtl, "groupTtl");
      teams = List.copyOf(teams);
    }

    /** Rules for the installing workspace only: other workspaces and organisations refused. */
    public Access(
        List<String> channels,
        List<String> userGroups,
        List<String> users,
        String ask,
        Duration groupTtl) {
      this(channels, userGroups, users, ask, groupTtl, false, List.of());
    }

    /** Whether nobody is listed, so everyone in the workspace may look up. */
    public boolean open() {
      return channels.isEmpty() && userGroups.isEmpty() && users.isEmpty();
    }
  }

  /**
   * Where the audit log goes.
   *
   * @param file the JSON Lines file, or empty for standard output
   * @param maxBytes the file is rotated before it would grow past this
   * @param keep rotated files kept ({@code audit.jsonl.1} … {@code .keep})
   * @param deliverOnFailure {@code audit.on-failure: deliver}: answers whose entry cannot be
   *     written are delivered unaudited; by default they are withheld
   */
  public record Audit(Optional<Path> file, long maxBytes, int keep, boolean deliverOnFailure) {
    public Audit {
      Objects.requireNonNull(file, "file");
    }

    /** An audit log that fails closed. */
    public Audit(Optional<Path> file, long maxBytes, int keep) {
      this(file, maxBytes, keep, false);
    }
  }

  /**
   * The ticket systems links are resolved in.
   *
   * @param aroundStated a time stated in the ticket is searched this long either side
   * @param beforeCreated with no stated time, the search starts this long before the ticket was
   *     filed
   * @param afterCreated and ends this long after
   * @param zendeskAliases host-mapped Help Center domain → its {@code *.zendesk.com} instance
   * @param jiraHosts Jira Data Center hosts whose links are recognised
   * @param freshdeskAliases custom portal domain → its {@code *.freshdesk.com} account
   */
  public record Tickets(
      List<TicketSystem> systems,
      Duration aroundStated,
      Duration beforeCreated,
      Duration afterCreated,
      Map<String, String> zendeskAliases,
      List<String> jiraHosts,
      Map<String, String> freshdeskAliases) {
    public Tickets {
      systems = List.copyOf(systems);
      zendeskAliases = Map.copyOf(zendeskAliases);
      jiraHosts = List.copyOf(jiraHosts);
      freshdeskAliases = Map.copyOf(freshdeskAliases);
    }
  }

  /**
   * One connected ticket system.
   *
   * @param system which system it is
   * @param url the instance ({@code https://acme.zendesk.com}); for Intercom, the region's API root
   * @param variant Jira: {@code cloud} or {@code data-center}; Intercom: the region {@code us},
   *     {@code eu}, {@code au}
   * @param login the account's email (Zendesk, Jira Cloud), when the system needs one
   * @param token the API token, key or personal access token, from the environment
   * @param userIdField where the product user ID lives, when not the system's external ID
   * @param statedTimeField a ticket field holding the time of the issue
   * @param host the host ticket links carry, when the API is reached through another ({@code url})
   * @param write the separate credential that may add internal notes, when one is configured;
   *     without it the bot only reads this system
   */
  public record TicketSystem(
      TicketSystemType system,
      URI url,
      Optional<String> host,
      String variant,
      Optional<String> login,
      Secret token,
      Optional<String> userIdField,
      Optional<String> statedTimeField,
      Optional<TicketWrite> write) {
    public TicketSystem {
      write = write == null ? Optional.empty() : write;
    }

    /** Returns the system as read-only, as before write access existed. */
    public TicketSystem(
        TicketSystemType system,
        URI url,
        Optional<String> host,
        String variant,
        Optional<String> login,
        Secret token,
        Optional<String> userIdField,
        Optional<String> statedTimeField) {
      this(
          system, url, host, variant, login, token, userIdField, statedTimeField, Optional.empty());
    }
  }

  /**
   * The credential that writes internal notes to a ticket system, kept apart from the reading one
   * so that read access can be granted without write access, and revoked separately.
   *
   * @param login the writing account's email (Zendesk, Jira Cloud), when the system needs one
   * @param token the writing account's API token, key or personal access token
   * @param adminId Intercom: the teammate notes are written as
   */
  public record TicketWrite(Optional<String> login, Secret token, Optional<String> adminId) {}

  /**
   * How customer IDs are stored on spans, and what of a span cards may show.
   *
   * @param hashKey set when the services store a keyed HMAC-SHA256 of the ID instead of the ID
   * @param hashFormat {@code hex} or {@code base64url}
   * @param hashPrefix written before the hash on the spans (e.g. {@code h:}), often empty
   * @param cardAttributes the span attributes cards may show (keys, {@code prefix.*} or {@code *});
   *     empty for the built-in list
   * @param fingerprintKey {@code FINGERPRINT_KEY}, decoded; empty to derive one from the Slack
   *     secrets
   * @param sharedExceptionMessages whether copies shared in a channel show exception messages
   */
  public record Privacy(
      Optional<Secret> hashKey,
      String hashFormat,
      String hashPrefix,
      Optional<List<String>> cardAttributes,
      Optional<SecretBytes> fingerprintKey,
      boolean sharedExceptionMessages) {
    public Privacy {
      cardAttributes = cardAttributes.map(List::copyOf);
    }
  }

  /**
   * Known-incident sources and the customer reply.
   *
   * @param declaredLate an incident may have started this long before it was declared
   * @param resolvedEarly and may have lasted this long after it was marked resolved
   * @param replyWithIncident the reply template when an incident matches; the built-in one when
   *     empty
   * @param replyWithoutIncident the reply template when none does; the built-in one when empty
   * @param replyActions what the customer was doing, by entry span name ("POST /api/v1/orders" →
   *     "place an order")
   */
  public record Incidents(
      List<IncidentSource> sources,
      Duration declaredLate,
      Duration resolvedEarly,
      Optional<Path> replyWithIncident,
      Optional<Path> replyWithoutIncident,
      Map<String, String> replyActions) {
    public Incidents {
      sources = List.copyOf(sources);
      replyActions = Map.copyOf(replyActions);
    }
  }

  /**
   * One incident source.
   *
   * @param type what kind of source it is
   * @param path the YAML file of a {@code file} source
   * @param url the page (Statuspage public), or the API base
   * @param pageId the Statuspage page of the management API
   * @param secret the API key or token, from the environment variable the config names
   * @param services trace service name → the source's names for it
   */
  public record IncidentSource(
      IncidentSourceType type,
      String name,
      Optional<Path> path,
      Optional<URI> url,
      Optional<String> pageId,
      Optional<Secret> secret,
      Duration ttl,
      Map<String, List<String>> services) {
    public IncidentSource {
      services = Map.copyOf(services);
    }
  }

  /**
   * The HTTP face.
   *
   * @param apiToken bearer token of {@code /api/lookup}; the endpoint refuses every call without it
   * @param adminToken bearer token of {@code /api/erasure}; the endpoint refuses every call without
   *     it
   * @param maxBodyBytes larger request bodies are refused before they are read
   * @param bodyTimeout a request body must arrive whole within this, or the request is refused
   *     (408)
   * @param minBodyRate after the first second, a body arriving slower than this many bytes a second
   *     is refused (408); 0 checks only {@code bodyTimeout}
   */
  public record Server(
      int port,
      Optional<Secret> apiToken,
      Optional<Secret> adminToken,
      int maxBodyBytes,
      Duration bodyTimeout,
      long minBodyRate) {}

  /**
   * Slack credentials and endpoints.
   *
   * @param apiUrl the Web API base URL, ending in {@code /}
   * @param appToken set means Socket Mode instead of HTTP
   * @param unfurlDomains the hosts whose trace links get a preview (a domain covers its
   *     subdomains); empty for every link Slack sends, which are those of the manifest's {@code
   *     unfurl_domains}
   */
  public record Slack(
      Optional<Secret> signingSecret,
      Optional<Secret> botToken,
      Optional<Secret> appToken,
      String apiUrl,
      String command,
      Duration timestampTolerance,
      List<String> unfurlDomains) {
    public Slack {
      unfurlDomains = List.copyOf(unfurlDomains);
    }

    public boolean socketMode() {
      return appToken.isPresent();
    }
  }

  /**
   * The trace backend.
   *
   * @param type which backend it is
   * @param name how the backend is named on cards ("Tempo")
   * @param directory the OTLP JSON Lines directory of the {@code otlp-file} backend
   * @param url the API base of a remote backend; present exactly when {@link BackendType#remote()}
   * @param uiUrl {@code otlp-file}: link template with {@code {traceId}} and {@code {spanId}};
   *     Jaeger and Zipkin: the UI base when it differs from {@code url}
   * @param headers sent with every call: auth ({@code Authorization}) and tenancy ({@code
   *     X-Scope-OrgID})
   * @param attempts tries per call, 1 meaning no retry
   * @param maxConcurrent requests the bot may have open at a remote backend at once; the others
   *     wait their turn, first come first served
   */
  public record Backend(
      BackendType type,
      String name,
      Path directory,
      Optional<URI> url,
      List<String> userAttributes,
      Optional<String> uiUrl,
      Map<String, Secret> headers,
      Duration timeout,
      int attempts,
      int maxConcurrent,
      long maxResponseBytes,
      Tempo tempo,
      Jaeger jaeger,
      OtlpFiles otlpFiles) {

    public Backend {
      userAttributes = List.copyOf(userAttributes);
      headers = Map.copyOf(headers);
    }
  }

  /**
   * Tempo specifics.
   *
   * @param grafanaUrl where "Open in Grafana" links point; no links without it
   * @param api {@code v2} ({@code /api/v2/traces}, Tempo 2.x and 3.x) or {@code v1}
   */
  public record Tempo(Optional<URI> grafanaUrl, String datasourceUid, long orgId, String api) {}

  /**
   * How the {@code otlp-file} backend follows its directory.
   *
   * @param pollInterval how often new lines and files are looked for
   * @param maxAge traces that ended longer ago are dropped from the index; empty keeps everything
   * @param deleteExpired whether files last written before {@code maxAge} are deleted as well
   */
  public record OtlpFiles(
      Duration pollInterval, Optional<Duration> maxAge, boolean deleteExpired) {}

  /**
   * Jaeger specifics.
   *
   * @param api {@code v3} (the stable {@code /api/v3} gateway) or {@code v1} (Jaeger 1.x and up to
   *     v2.20)
   * @param services the entry services to search, which v1 search requires
   */
  public record Jaeger(String api, List<String> services) {
    public Jaeger {
      services = List.copyOf(services);
    }
  }

  /**
   * How commands are read and lookups run.
   *
   * @param halfWindow a point in time is searched this long either side
   * @param recentWindow with no time given, this long up to now is searched
   * @param budget every lookup ends (in an answer) within this time
   * @param threads lookups that may wait on the backend at once: threads that mostly wait, so many
   *     of them; the backend is protected by {@link Backend#maxConcurrent}
   * @param maxQueued lookups waiting beyond this are answered "busy"
   * @param maxBytesInFlight bytes of backend answers all running lookups may hold at once; empty
   *     means an eighth of the JVM's maximum heap
   * @param dateOrder how a short date such as {@code 2/6} is read, month first (MDY) or day first
   *     (DMY), for everyone; empty to follow each agent's Slack locale, month first without one
   */
  public record Lookup(
      Pattern userIdPattern,
      Duration halfWindow,
      Duration recentWindow,
      Duration maxWindow,
      int maxTraces,
      int fetchParallelism,
      Duration budget,
      int threads,
      int maxQueued,
      OptionalLong maxBytesInFlight,
      Optional<DateOrder> dateOrder) {}

  /**
   * Cache sizes and lifetimes.
   *
   * @param recentThreshold a window ending less than this before now is "recent": traces may still
   *     arrive, so its result lives only {@code recentTtl}
   */
  public record Cache(
      int maxLookups,
      Duration recentTtl,
      Duration settledTtl,
      Duration recentThreshold,
      long maxTraceSpans,
      Duration traceTtl,
      Duration userZoneTtl) {}
}
