package dev.tracelookup.tickets.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.Failures;
import dev.tracelookup.tickets.RequesterZones;
import dev.tracelookup.tickets.ResolveResult;
import dev.tracelookup.tickets.TicketFacts;
import dev.tracelookup.tickets.TicketFacts.Sourced;
import dev.tracelookup.tickets.TicketFields;
import dev.tracelookup.tickets.TicketJson;
import dev.tracelookup.tickets.TicketResolver;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.TicketWindow;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves Jira and Jira Service Management issues with one {@code GET /rest/api/{3|2}/issue/{key}}
 * asking only for the fields it reads. Service Management requests are Jira issues, so portal and
 * queue links go the same way; the platform API, unlike the customer-request API, also returns
 * agent-only fields, which is where a product user ID is usually kept.
 *
 * <p>Jira Cloud hides e-mail addresses behind profile privacy and has no external ID, so the user
 * ID comes only from the configured field ({@code customfield_10042}). The reporter's {@code
 * timeZone} is an IANA ID.
 */
public final class JiraResolver implements TicketResolver {
  private final BackendHttp http;
  private final JiraDeployment deployment;
  private final TicketFields fields;
  private final TicketWindow window;

  public JiraResolver(
      BackendHttp http, JiraDeployment deployment, TicketFields fields, TicketWindow window) {
    this.http = Objects.requireNonNull(http, "http");
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.fields = Objects.requireNonNull(fields, "fields");
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public ResolveResult resolve(TicketLink link, ZoneId fallbackZone) {
    if (link.system() != TicketSystem.JIRA) {
      throw new IllegalArgumentException("not a Jira link: " + link.system());
    }
    String path = deployment.issuePath(link.key()) + "?fields=" + String.join(",", fieldNames());
    HttpResult<JiraIssue> answer =
        http.get(
            path, TicketJson.MEDIA_TYPE, TicketJson.reader(JiraIssue.Answer.class, JiraIssue::of));
    if (!(answer instanceof HttpResult.Ok<JiraIssue> ok)) {
      return new ResolveResult.Failed(Failures.of(answer, link));
    }
    JiraIssue issue = ok.value();
    TicketFacts facts =
        new TicketFacts(
            link,
            userId(issue, link),
            issue.reporter().flatMap(reporter -> RequesterZones.parse(reporter.timeZone())),
            issue.created(),
            statedField(issue),
            issue.summary(),
            issue.description());
    return new ResolveResult.Resolved(facts.resolve(fallbackZone, window));
  }

  private Set<String> fieldNames() {
    Set<String> names =
        new LinkedHashSet<>(List.of("summary", "description", "created", "reporter"));
    fields.userIdField().ifPresent(names::add);
    fields.statedTimeField().ifPresent(names::add);
    return names;
  }

  private Optional<Sourced<String>> userId(JiraIssue issue, TicketLink link) {
    return fields
        .userIdField()
        .flatMap(
            name ->
                issue
                    .field(name)
                    .flatMap(JiraResolver::text)
                    .map(id -> new Sourced<>(id, "from " + link.reference() + " field " + name)));
  }

  private Optional<Sourced<JsonNode>> statedField(JiraIssue issue) {
    return fields
        .statedTimeField()
        .flatMap(name -> issue.field(name).map(value -> new Sourced<>(value, "field " + name)));
  }

  /** Text and number fields hold the ID as is; select lists hold it in {@code value}. */
  private static Optional<String> text(JsonNode value) {
    return value.isObject() ? TicketJson.id(value.get("value")) : TicketJson.id(value);
  }
}
