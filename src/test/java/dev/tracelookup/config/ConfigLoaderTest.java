package dev.tracelookup.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Files.createDirectories(dir.resolve("demo"));
    return Files.writeString(dir.resolve("trace-lookup.yml"), yaml);
  }

  @Test
  void load_shippedConfig_givesTheDocumentedDefaults() {
    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml"));

    assertThat(config.backend().type().configName()).isEqualTo("otlp-file");
    assertThat(config.backend().directory()).isEqualTo(Path.of("config/demo").toAbsolutePath());
    assertThat(config.backend().userAttributes()).containsExactly("user.id", "enduser.id");
    assertThat(config.lookup().halfWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.lookup().recentWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(config.server().port()).isEqualTo(3000);
    assertThat(config.slack().apiUrl()).isEqualTo("https://slack.com/api/");
  }

  @Test
  void load_unfurlDomains_readsTheListAndDefaultsToEveryLinkSlackSends() throws IOException {
    Path listed = write("slack:\n  unfurl-domains: [grafana.acme.com, jaeger.acme.com]\n");

    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", listed.toString()));
    Config unset = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml"));

    assertThat(config.slack().unfurlDomains())
        .containsExactly("grafana.acme.com", "jaeger.acme.com");
    assertThat(unset.slack().unfurlDomains()).isEmpty();
  }

  @Test
  void load_emptyFile_usesDefaultsRelativeToTheFile() throws IOException {
    Path file = write("");

    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString()));

    assertThat(config.backend().directory())
        .isEqualTo(dir.resolve("demo").toAbsolutePath().normalize());
    assertThat(config.cache().maxTraceSpans()).isEqualTo(2_000_000);
  }

  @Test
  void load_environment_overridesPortAndSlackUrlAndCarriesSecrets() throws IOException {
    Path file = write("server:\n  port: 3000\n");

    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                file.toString(),
                "PORT",
                "8081",
                "SLACK_API_URL",
                "http://127.0.0.1:9/api",
                "SLACK_SIGNING_SECRET",
                "s3cr3t",
                "LOOKUP_API_TOKEN",
                "tok"));

    assertThat(config.server().port()).isEqualTo(8081);
    assertThat(config.slack().apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
    assertThat(config.slack().signingSecret().orElseThrow().value()).isEqualTo("s3cr3t");
    assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("tok]");
  }

  @Test
  void load_manyMistakes_reportsEveryOneWithKeyAndExample() throws IOException {
    Path file =
        write(
            "backend:\n  type: elastic\n  directory: nowhere\n"
                + "lookup:\n  half-window: soon\n  max-traces: lots\n  user-id-pattern: '[a-'\n"
                + "cache:\n  recent-ttl: 0s\n");

    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString(), "PORT", "http")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(6)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("backend.type: \"elastic\" is not a known backend")
                                .contains("for example"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("lookup.half-window: \"soon\"")
                                .contains("lookup.half-window: 15m"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("lookup.max-traces: \"lots\" is not a whole number"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "lookup.user-id-pattern: is not a valid regular expression"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("cache.recent-ttl: \"0s\" is not a positive duration"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("PORT: \"http\" is not a port number")));
  }

  @Test
  void load_fileBackendDirectoryMissing_namesTheDirectory() throws IOException {
    Path file = write("backend:\n  type: otlp-file\n  directory: nowhere\n");

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("backend.directory: the directory " + dir.resolve("nowhere"))
                    .contains("for example backend.directory: demo"));
  }

  @Test
  void load_missingFile_saysWhichFileAndHowToPointAtOne() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of("TRACE_LOOKUP_CONFIG", dir.resolve("none.yml").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("none.yml does not exist")
        .hasMessageContaining("TRACE_LOOKUP_CONFIG=");
  }

  @Test
  void checkServing_httpModeWithoutSecrets_listsBoth() throws IOException {
    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", write("").toString()));

    assertThatThrownBy(() -> ConfigLoader.checkServing(config))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("SLACK_BOT_TOKEN: required"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("SLACK_SIGNING_SECRET: required in HTTP mode")));
  }

  @Test
  void checkServing_socketModeWithAppToken_needsNoSigningSecret() throws IOException {
    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                write("").toString(),
                "SLACK_BOT_TOKEN",
                "xoxb-1",
                "SLACK_APP_TOKEN",
                "xapp-1"));

    ConfigLoader.checkServing(config);

    assertThat(config.slack().socketMode()).isTrue();
  }

  @Test
  void load_environmentPointsAtTempo_overridesTypeAndUrl() throws IOException {
    Path file = write("");

    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                file.toString(),
                "TRACE_BACKEND_TYPE",
                "tempo",
                "TRACE_BACKEND_URL",
                "http://tempo:3200"));

    assertThat(config.backend().type().configName()).isEqualTo("tempo");
    assertThat(config.backend().name()).isEqualTo("Tempo");
    assertThat(config.backend().url()).contains(java.net.URI.create("http://tempo:3200"));
    assertThat(config.backend().tempo().api()).isEqualTo("v2");
  }

  @Test
  void load_fileBackendUiTemplate_isAcceptedAsWritten() throws IOException {
    Path file =
        write("backend:\n  ui-url: http://localhost:16686/trace/{traceId}?uiFind={spanId}\n");

    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString()));

    assertThat(config.backend().uiUrl())
        .contains("http://localhost:16686/trace/{traceId}?uiFind={spanId}");
  }

  @Test
  void load_fileBackendFollowing_readsPollIntervalMaxAgeAndDeletion() throws IOException {
    Path file = write("backend:\n  poll-interval: 500ms\n  max-age: 7d\n  delete-expired: true\n");

    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString()));

    assertThat(config.backend().otlpFiles())
        .isEqualTo(
            new Config.OtlpFiles(Duration.ofMillis(500), Optional.of(Duration.ofDays(7)), true));
  }

  @Test
  void load_fileBackendFollowingUnset_pollsEveryTwoSecondsAndKeepsEverything() throws IOException {
    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", write("").toString()));

    assertThat(config.backend().otlpFiles())
        .isEqualTo(new Config.OtlpFiles(Duration.ofSeconds(2), Optional.empty(), false));
  }

  @Test
  void load_deleteExpiredWithoutMaxAge_saysItNeedsOne() throws IOException {
    Path file = write("backend:\n  delete-expired: true\n");

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("backend.delete-expired: needs backend.max-age"));
  }

  @Test
  void load_fileBackendUiTemplatesThatCannotLink_reportsEachWithAnExample() throws IOException {
    String example =
        "(for example backend.ui-url: http://localhost:16686/trace/{traceId}?uiFind={spanId})";
    for (String template :
        List.of("ftp://ui/trace/{traceId}", "http://ui host/{traceId}", "/trace/{traceId}")) {
      Path file = write("backend:\n  ui-url: \"" + template + "\"\n");

      assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.problems())
                      .singleElement()
                      .asString()
                      .isEqualTo(
                          "backend.ui-url: \"" + template + "\" is not an http(s) URL " + example));
    }
  }

  @Test
  void load_fileBackendUiTemplateWithoutTraceId_saysWhichPlaceholderIsMissing() throws IOException {
    Path file = write("backend:\n  ui-url: http://ui/trace?span={spanId}\n");

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith(
                        "backend.ui-url: \"http://ui/trace?span={spanId}\" has no {traceId}"
                            + " placeholder"));
  }

  @Test
  void load_jaegerUiUrlWithPlaceholders_isRefusedAsNoBaseUrl() throws IOException {
    Path file =
        write(
            "backend:\n"
                + "  type: jaeger\n"
                + "  url: http://jaeger:16686\n"
                + "  ui-url: http://ui/trace/{traceId}\n");

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith(
                        "backend.ui-url: \"http://ui/trace/{traceId}\" is not an http(s) URL"));
  }

  @Test
  void load_remoteBackendWithoutUrl_saysItIsRequired() throws IOException {
    Path file = write("backend:\n  type: zipkin\n");

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .isEqualTo(
                        "backend.url: is required for zipkin (or set TRACE_BACKEND_URL) (for"
                            + " example backend.url: http://zipkin:9411)"));
  }

  @Test
  void load_bearerAuthAndTenantHeader_readSecretsFromTheEnvironmentAndHideThem()
      throws IOException {
    Path file =
        write(
            "backend:\n"
                + "  type: tempo\n"
                + "  url: https://tempo.example.com/tempo\n"
                + "  auth:\n"
                + "    bearer-token-env: TEMPO_TOKEN\n"
                + "  headers:\n"
                + "    X-Scope-OrgID: ${TENANT}\n");

    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                file.toString(),
                "TEMPO_TOKEN",
                "tok-123",
                "TENANT",
                "acme"));

    assertThat(config.backend().headers()).containsOnlyKeys("Authorization", "X-Scope-OrgID");
    assertThat(config.backend().headers().get("Authorization").value()).isEqualTo("Bearer tok-123");
    assertThat(config.backend().headers().get("X-Scope-OrgID").value()).isEqualTo("acme");
    assertThat(config.toString()).doesNotContain("tok-123");
  }

  @Test
  void load_basicAuth_encodesUserAndPassword() throws IOException {
    Path file =
        write(
            "backend:\n  type: tempo\n  url: https://tempo.example.com\n"
                + "  auth:\n    basic-user: \"123456\"\n    basic-password-env: GRAFANA_TOKEN\n");

    Config config =
        ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString(), "GRAFANA_TOKEN", "glc_x"));

    assertThat(config.backend().headers().get("Authorization").value())
        .isEqualTo(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        "123456:glc_x".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void load_authAndHeadersMissingTheirVariables_reportsBoth() throws IOException {
    Path file =
        write(
            "backend:\n"
                + "  type: jaeger\n"
                + "  url: http://jaeger:16686\n"
                + "  auth:\n"
                + "    bearer-token-env: NOPE\n"
                + "  headers:\n"
                + "    X-Api-Key: ${ALSO_NOPE}\n"
                + "  jaeger:\n"
                + "    api: v1\n");

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "backend.auth.bearer-token-env: names NOPE, which is not set"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("backend.headers.X-Api-Key: refers to ${ALSO_NOPE}"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "backend.jaeger.services: Jaeger's v1 search needs the entry"
                                        + " services")));
  }

  @Test
  void load_incidentSources_readEachTypeWithSecretsFromTheEnvironment() throws IOException {
    Files.writeString(dir.resolve("incidents.yml"), "incidents: []\n");
    Path file =
        write(
            "incidents:\n"
                + "  sources:\n"
                + "    - {type: file, name: ours, path: incidents.yml, ttl: 30s, services:"
                + " {order-svc: [Payments]}}\n"
                + "    - {type: statuspage, url: https://status.example.com}\n"
                + "    - {type: pagerduty, token-env: PD_TOKEN}\n"
                + "  reply:\n"
                + "    actions:\n"
                + "      \"POST /api/v1/orders\": place an order\n");

    Config config =
        ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString(), "PD_TOKEN", "pd-secret"));

    assertThat(config.incidents().sources())
        .extracting(source -> source.type().configName())
        .containsExactly("file", "statuspage", "pagerduty");
    Config.IncidentSource ours = config.incidents().sources().get(0);
    assertThat(ours.ttl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ours.services()).containsEntry("order-svc", java.util.List.of("Payments"));
    assertThat(config.incidents().sources().get(2).url())
        .contains(java.net.URI.create("https://api.pagerduty.com"));
    assertThat(config.incidents().sources().get(2).secret().orElseThrow().value())
        .isEqualTo("pd-secret");
    assertThat(config.incidents().replyActions())
        .containsEntry("POST /api/v1/orders", "place an order");
    assertThat(config.incidents().replyWithIncident()).isEmpty();
    assertThat(config.toString()).doesNotContain("pd-secret");
  }

  @Test
  void load_incidentSourcesWithMistakes_reportsEach() throws IOException {
    Path file =
        write(
            "incidents:\n  sources:\n    - {type: opsgenie}\n    - {type: pagerduty}\n"
                + "    - {type: file, path: missing.yml}\n  reply:\n    with-incident: nope.txt\n");

    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "incidents.sources[0].type: \"opsgenie\" is not one of"))
                    .anySatisfy(p -> assertThat(p).startsWith("incidents.sources[1].token-env:"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("incidents.sources[2].path: the file"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("incidents.reply.with-incident: the template")));
  }

  @Test
  void load_hashedUserIds_readTheKeyFromTheEnvironmentAndReportAMissingOne() throws IOException {
    Path file =
        write(
            "privacy:\n"
                + "  hash-user-ids:\n"
                + "    key-env: HASH_KEY\n"
                + "    format: base64url\n"
                + "    prefix: \"h:\"\n");

    Config config =
        ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString(), "HASH_KEY", "s3cret-key"));

    assertThat(config.privacy().hashKey().orElseThrow().value()).isEqualTo("s3cret-key");
    assertThat(config.privacy().hashFormat()).isEqualTo("base64url");
    assertThat(config.privacy().hashPrefix()).isEqualTo("h:");
    assertThat(config.toString()).doesNotContain("s3cret-key");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString())))
        .hasMessageContaining("privacy.hash-user-ids.key-env: names HASH_KEY, which is not set");
  }

  @Test
  void load_cardAttributes_readsTheListAndReportsAMisplacedStar() throws IOException {
    Path good = write("privacy:\n  card-attributes: [http.route, \"rpc.*\", tenant.tier]\n");

    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", good.toString()));
    Path bad = write("privacy:\n  card-attributes: [\"http.*.route\"]\n");

    assertThat(config.privacy().cardAttributes())
        .contains(List.of("http.route", "rpc.*", "tenant.tier"));
    assertThat(ConfigLoader.load(Map.of()).privacy().cardAttributes()).isEmpty();
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", bad.toString())))
        .hasMessageContaining(
            "privacy.card-attributes: \"http.*.route\" must be an attribute key, a prefix ending in"
                + " .*, or *");
  }

  @Test
  void load_fingerprintKeyInHexOrBase64_isDecodedAndHidden() throws IOException {
    Path file = write("");
    String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    byte[] bytes = java.util.HexFormat.of().parseHex(hex);
    String base64 = java.util.Base64.getEncoder().encodeToString(bytes);
    String base64Url = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    for (String written : List.of(hex, hex.toUpperCase(java.util.Locale.ROOT), base64, base64Url)) {
      Config config =
          ConfigLoader.load(
              Map.of("TRACE_LOOKUP_CONFIG", file.toString(), "FINGERPRINT_KEY", written));

      assertThat(config.privacy().fingerprintKey().orElseThrow().bytes())
          .as(written)
          .isEqualTo(bytes);
      assertThat(config.toString()).doesNotContain(written);
    }
    assertThat(
            ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", file.toString()))
                .privacy()
                .fingerprintKey())
        .isEmpty();
  }

  @Test
  void load_fingerprintKeyShortOrNotEncoded_isReportedWithHowToMakeOneAndWithoutItsValue()
      throws IOException {
    Path file = write("");

    for (String bad : List.of("correct horse battery staple", "00112233", "c2hvcnQ=")) {
      assertThatThrownBy(
              () ->
                  ConfigLoader.load(
                      Map.of("TRACE_LOOKUP_CONFIG", file.toString(), "FINGERPRINT_KEY", bad)))
          .as(bad)
          .hasMessageContaining("FINGERPRINT_KEY: must be at least 32 random bytes")
          .hasMessageContaining("openssl rand -hex 32")
          .hasMessageNotContaining(bad);
    }
  }

  @Test
  void load_sharedExceptionMessages_isOffUnlessSetAndMustBeTrueOrFalse() throws IOException {
    Path on = write("privacy:\n  shared-exception-messages: true\n");

    assertThat(
            ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", on.toString()))
                .privacy()
                .sharedExceptionMessages())
        .isTrue();
    assertThat(
            ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", write("").toString()))
                .privacy()
                .sharedExceptionMessages())
        .isFalse();
    Path bad = write("privacy:\n  shared-exception-messages: sometimes\n");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", bad.toString())))
        .hasMessageContaining(
            "privacy.shared-exception-messages: \"sometimes\" is not true or false");
  }

  @Test
  void load_bodyAndMemoryLimits_readTheShippedDefaultsAndReportMistakesWithExamples()
      throws IOException {
    Config shipped = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml"));
    Path good =
        write(
            "server:\n"
                + "  body-timeout: 3s\n"
                + "  min-body-rate: 0\n"
                + "lookup:\n"
                + "  max-bytes-in-flight: 268435456\n");
    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", good.toString()));
    Path bad =
        write(
            "server:\n"
                + "  body-timeout: never\n"
                + "  min-body-rate: -1\n"
                + "lookup:\n"
                + "  max-bytes-in-flight: 1000\n");

    assertThat(shipped.server().bodyTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(shipped.server().minBodyRate()).isEqualTo(1024);
    assertThat(shipped.lookup().maxBytesInFlight()).isEmpty();
    assertThat(config.server().bodyTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.server().minBodyRate()).isZero();
    assertThat(config.lookup().maxBytesInFlight()).hasValue(268_435_456);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", bad.toString())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("server.body-timeout: \"never\"")
                                .contains("server.body-timeout: 10s"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("server.min-body-rate: -1 is outside")
                                .contains("min-body-rate: 1024"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("lookup.max-bytes-in-flight: 1000 is outside")
                                .contains("lookup.max-bytes-in-flight: 134217728")));
  }
}
