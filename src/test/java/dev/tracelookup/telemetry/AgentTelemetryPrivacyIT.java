package dev.tracelookup.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.telemetry.OtlpExports.ExportedPoint;
import dev.tracelookup.telemetry.OtlpExports.ExportedSpan;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SignedSlackRequests;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The real OpenTelemetry Java agent (from Maven Central, copied by the build) attached to the real
 * packaged bot, exporting every span, metric and log over OTLP/HTTP to a local receiver, while the
 * bot serves {@code /api/lookup} (GET and POST) and a slash command against a Tempo-like fake, or
 * runs the {@code lookup} command. With {@code config/otel-agent.properties} the customer's ID
 * (raw, URL-encoded, JSON-escaped) is in no exported byte; without it, it is where the review found
 * it, so these tests can fail.
 */
final class AgentTelemetryPrivacyIT {
  /** Every character the ID pattern allows besides letters and digits, so each encoding differs. */
  private static final String CUSTOMER = "cust+q7Zk31x_v.2@acme:eu";

  /** Letters and digits survive every URL and JSON encoding: if the ID is anywhere, this is. */
  private static final String CORE = "q7Zk31x";

  /** The secret part of a {@code response_url}: a capability, so as private as a token. */
  private static final String HOOK = "hook-Vd83xQp";

  private static final String SECRET = "signing-secret-4e1f";
  private static final String API_TOKEN = "lookup-token-90b7";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path AGENT =
      Path.of(
          System.getProperty(
              "otel.javaagent.jar", "target/otel-agent/opentelemetry-javaagent.jar"));
  private static final Path BOT =
      Path.of(System.getProperty("trace.lookup.jar", "target/trace-lookup.jar"));
  private static final Path AGENT_CONFIG = Path.of("config/otel-agent.properties");

  private static final String SEARCH =
      "{\"traces\":[{\"traceID\":\""
          + TRACE_ID
          + "\",\"rootServiceName\":\"order-svc\",\"rootTraceName\":\"POST"
          + " /api/v1/orders\",\"startTimeUnixNano\":\"1770387443000000000\",\"durationMs\":1900}],"
          + "\"metrics\":{\"completedJobs\":1,\"totalJobs\":1}}";

  /** The customer's failing order: a 500 at the entry, a 502 from payment-svc below it. */
  private static final String TRACE =
      """
      {"trace":{"resourceSpans":[
        {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"order-svc"}}]},
         "scopeSpans":[{"scope":{"name":"demo"},"spans":[
          {"traceId":"%1$s","spanId":"00f067aa0ba902b7","name":"POST /api/v1/orders","kind":"SPAN_KIND_SERVER",
           "startTimeUnixNano":"1770387443000000000","endTimeUnixNano":"1770387444900000000",
           "attributes":[{"key":"user.id","value":{"stringValue":"%2$s"}},
             {"key":"http.request.method","value":{"stringValue":"POST"}},
             {"key":"http.response.status_code","value":{"intValue":"500"}}],
           "status":{"code":"STATUS_CODE_ERROR"}},
          {"traceId":"%1$s","spanId":"00f067aa0ba902b8","parentSpanId":"00f067aa0ba902b7",
           "name":"POST payment-svc/charge","kind":"SPAN_KIND_CLIENT",
           "startTimeUnixNano":"1770387443100000000","endTimeUnixNano":"1770387444800000000",
           "attributes":[{"key":"http.request.method","value":{"stringValue":"POST"}},
             {"key":"server.address","value":{"stringValue":"payment-svc"}},
             {"key":"http.response.status_code","value":{"intValue":"502"}}],
           "status":{"code":"STATUS_CODE_ERROR"}}]}]}]}}
      """
          .formatted(TRACE_ID, CUSTOMER);

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeHttpServer tempo;
  private FakeSlackApi slack;
  private OtlpReceiver otlp;
  private Path log;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    tempo =
        new FakeHttpServer(
            request ->
                switch (request.path()) {
                  case "/api/search" -> FakeHttpServer.Reply.json(SEARCH);
                  case "/api/v2/traces/" + TRACE_ID -> FakeHttpServer.Reply.json(TRACE);
                  case "/api/echo" -> FakeHttpServer.Reply.status(200, "echo");
                  default -> FakeHttpServer.Reply.status(404, "not found");
                });
    slack = new FakeSlackApi();
    otlp = new OtlpReceiver();
    log = Path.of("target", "agent-it", test.getTestMethod().orElseThrow().getName() + ".log");
  }

  @AfterEach
  void stop() throws Exception {
    otlp.close();
    slack.close();
    tempo.close();
  }

  @Test
  void serve_withTheShippedAgentConfig_exportsNoCustomerIdOrHookAnywhere() throws Exception {
    OtlpExports exported = serveSession(Optional.of(AGENT_CONFIG));

    assertNothingLeaked();
    ExportedSpan get = serverSpan(exported, "GET");
    assertThat(get.attributes().get("url.query"))
        .contains("user_id=REDACTED")
        .contains("start=2026-02-06");
    assertThat(serverSpan(exported, "POST").attributes()).doesNotContainKey("url.query");
    assertThat(exported.spans()).anySatisfy(span -> assertThat(span.name()).isEqualTo("lookup"));
    assertThat(exemplars(exported))
        .as("exemplars are exported, and clean")
        .isNotEmpty()
        .anySatisfy(exemplar -> assertThat(exemplar.get("url.query")).contains("user_id=REDACTED"));
  }

  @Test
  void serve_withoutTheAgentConfig_exportsTheIdWhereTheReviewFoundIt() throws Exception {
    OtlpExports exported = serveSession(Optional.empty());

    assertThat(serverSpan(exported, "GET").attributes().get("url.query")).contains(CORE);
    assertThat(exported.spans())
        .anySatisfy(
            span ->
                assertThat(span.attributes().get("url.full"))
                    .contains("/api/search")
                    .contains(CORE));
    assertThat(exported.spans())
        .anySatisfy(span -> assertThat(span.attributes().get("url.full")).contains(HOOK));
    assertThat(exemplars(exported))
        .anySatisfy(exemplar -> assertThat(exemplar.toString()).contains(CORE));
  }

  @Test
  void lookupCommand_withTheShippedAgentConfig_exportsNoCustomerIdAnywhere() throws Exception {
    OtlpExports exported = lookupCommand(Optional.of(AGENT_CONFIG));

    assertNothingLeaked();
    assertThat(resources(exported))
        .isNotEmpty()
        .allSatisfy(
            resource ->
                assertThat(resource)
                    .containsKey("service.name")
                    .doesNotContainKeys("process.command_args", "process.command_line"));
  }

  @Test
  void lookupCommand_withoutTheAgentConfig_exportsTheIdInTheCommandLineAndSearchUrl()
      throws Exception {
    OtlpExports exported = lookupCommand(Optional.empty());

    assertThat(resources(exported))
        .anySatisfy(
            resource -> assertThat(resource.get("process.command_args")).contains(CUSTOMER));
    assertThat(exported.spans())
        .anySatisfy(
            span ->
                assertThat(span.attributes().get("url.full"))
                    .contains("/api/search")
                    .contains(CORE));
  }

  /** GET and POST {@code /api/lookup} and a slash command on {@code serve}, then a clean stop. */
  private OtlpExports serveSession(Optional<Path> agentConfig) throws Exception {
    try (AgentProcess bot =
        new AgentProcess(
            AGENT,
            agentConfig,
            BOT,
            environment(
                Map.of(
                    "PORT",
                    "0",
                    "SLACK_API_URL",
                    slack.apiUrl(),
                    "SLACK_SIGNING_SECRET",
                    SECRET,
                    "SLACK_BOT_TOKEN",
                    "xoxb-agent-it",
                    "LOOKUP_API_TOKEN",
                    API_TOKEN)),
            List.of("serve"),
            log)) {
      URI base = URI.create("http://127.0.0.1:" + bot.port(START) + "/");
      HttpResponse<String> got =
          http.send(
              HttpRequest.newBuilder(
                      base.resolve(
                          "/api/lookup?user_id="
                              + URLEncoder.encode(CUSTOMER, StandardCharsets.UTF_8)
                              + "&start=2026-02-06T14:00:00Z&end=2026-02-06T14:30:00Z"))
                  .header("Authorization", "Bearer " + API_TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> posted =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/lookup"))
                  .header("Authorization", "Bearer " + API_TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          new ObjectMapper()
                              .writeValueAsString(
                                  Map.of(
                                      "user_id",
                                      CUSTOMER,
                                      "start",
                                      "2026-02-06T14:00:00Z",
                                      "end",
                                      "2026-02-06T14:30:00Z",
                                      "errors_only",
                                      true))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      new SignedSlackRequests(base, SECRET)
          .command(
              "U0AGENT",
              "C0SUPPORT",
              CUSTOMER + " 2026-02-06 14:15 tz UTC",
              slack.responseUrl(HOOK));
      FakeHttpServer.RecordedRequest card =
          slack.server().takeRequest(FakeSlackApi.RESPONSE_PATH + HOOK, WAIT);

      assertThat(got.statusCode()).as("GET /api/lookup, see %s", log).isEqualTo(200);
      assertThat(got.body()).contains(TRACE_ID);
      assertThat(posted.statusCode()).as("POST /api/lookup, see %s", log).isEqualTo(200);
      assertThat(posted.body()).contains(TRACE_ID);
      assertThat(card.body()).contains("payment-svc");
      assertThat(bot.stop(true, START))
          .as("serve's exit status after SIGTERM, see %s", log)
          .isIn(0, 143);
    }
    return otlp.exports();
  }

  private OtlpExports lookupCommand(Optional<Path> agentConfig) throws Exception {
    try (AgentProcess bot =
        new AgentProcess(
            AGENT,
            agentConfig,
            BOT,
            environment(Map.of()),
            List.of("lookup", CUSTOMER, "2026-02-06", "14:15", "tz", "UTC"),
            log)) {
      assertThat(bot.stop(false, START)).as("lookup's exit status, see %s", log).isEqualTo(0);
    }
    return otlp.exports();
  }

  /** The bot on the Tempo fake, the agent exporting everything to the receiver, flushed at exit. */
  private Map<String, String> environment(Map<String, String> bot) {
    Map<String, String> environment = new java.util.HashMap<>(bot);
    environment.putAll(
        Map.of(
            "TRACE_LOOKUP_CONFIG",
            "config/trace-lookup.yml",
            "TRACE_BACKEND_TYPE",
            "tempo",
            "TRACE_BACKEND_URL",
            tempo.uri().toString(),
            "OTEL_SERVICE_NAME",
            "trace-lookup",
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            otlp.endpoint().toString(),
            "OTEL_EXPORTER_OTLP_PROTOCOL",
            "http/protobuf",
            "OTEL_TRACES_EXPORTER",
            "otlp",
            "OTEL_METRICS_EXPORTER",
            "otlp",
            "OTEL_LOGS_EXPORTER",
            "otlp",
            "OTEL_BSP_SCHEDULE_DELAY",
            "200"));
    return environment;
  }

  /** Every byte of every export, searched for the ID in every form it could take, and the hook. */
  private void assertNothingLeaked() throws Exception {
    String json = new ObjectMapper().writeValueAsString(CUSTOMER);
    List<String> forms =
        List.of(
            CUSTOMER,
            URLEncoder.encode(CUSTOMER, StandardCharsets.UTF_8),
            json.substring(1, json.length() - 1),
            CORE,
            HOOK);
    List<String> bodies = otlp.rawBodies();
    assertThat(bodies).as("OTLP requests received; see %s", log).isNotEmpty();
    for (String body : bodies) {
      for (String form : forms) {
        assertThat(body)
            .as("an OTLP export, searched for %s; see %s", form, log)
            .doesNotContain(form);
      }
    }
  }

  private ExportedSpan serverSpan(OtlpExports exported, String method) {
    return exported.spans().stream()
        .filter(
            span ->
                span.kind() == 2
                    && "/api/lookup".equals(span.attributes().get("url.path"))
                    && method.equals(span.attributes().get("http.request.method")))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no server span for "
                        + method
                        + " /api/lookup in "
                        + exported.spans().stream().map(ExportedSpan::name).toList()
                        + "; see "
                        + log));
  }

  private static List<Map<String, String>> exemplars(OtlpExports exported) {
    return exported.points().stream().map(ExportedPoint::exemplars).flatMap(List::stream).toList();
  }

  private static List<Map<String, String>> resources(OtlpExports exported) {
    return Stream.of(
            exported.spans().stream().map(ExportedSpan::resource),
            exported.points().stream().map(ExportedPoint::resource),
            exported.logs().stream().map(OtlpExports.ExportedLog::resource))
        .flatMap(s -> s)
        .distinct()
        .toList();
  }
}
