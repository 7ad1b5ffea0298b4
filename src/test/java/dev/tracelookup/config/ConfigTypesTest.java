package dev.tracelookup.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backend, ticket-system and incident-source types are read into their enums by their config names.
 */
final class ConfigTypesTest {
  @TempDir Path dir;

  private Config load(String yaml, Map<String, String> env) throws IOException {
    Files.createDirectories(dir.resolve("demo"));
    Path file = Files.writeString(dir.resolve("trace-lookup.yml"), yaml);
    java.util.HashMap<String, String> all = new java.util.HashMap<>(env);
    all.put("TRACE_LOOKUP_CONFIG", file.toString());
    return ConfigLoader.load(all);
  }

  @Test
  void backendType_eachConfigName_readsItsTypeAndDefaultName() throws IOException {
    for (BackendType type : BackendType.values()) {
      Config config =
          load(
              "backend:\n  type: " + type.configName() + "\n  url: http://localhost:1\n", Map.of());

      assertThat(config.backend().type()).isEqualTo(type);
      assertThat(config.backend().name()).isEqualTo(type.displayName());
      assertThat(config.backend().url().isPresent()).isEqualTo(type.remote());
    }
  }

  @Test
  void backendType_unknown_listsTheKnownNamesInOrder() {
    assertThatThrownBy(() -> load("backend:\n  type: elastic\n", Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "backend.type: \"elastic\" is not a known backend; known: [otlp-file,"
                            + " tempo, jaeger, zipkin] (for example backend.type: tempo)"));
  }

  @Test
  void incidentSourceType_unknown_listsTheKnownNamesInOrder() {
    assertThatThrownBy(() -> load("incidents:\n  sources:\n    - {type: opsgenie}\n", Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "incidents.sources[0].type: \"opsgenie\" is not one of [file, statuspage,"
                            + " pagerduty, incident-io] (for example incidents.sources[0].type:"
                            + " statuspage)"));
  }

  @Test
  void incidentSourceType_eachConfigName_readsItsType() throws IOException {
    Files.writeString(dir.resolve("incidents.yml"), "incidents: []\n");

    Config config =
        load(
            "incidents:\n"
                + "  sources:\n"
                + "    - {type: file}\n"
                + "    - {type: statuspage, url: https://status.example.com}\n"
                + "    - {type: pagerduty, token-env: PD}\n"
                + "    - {type: incident-io, token-env: PD}\n",
            Map.of("PD", "secret"));

    assertThat(config.incidents().sources())
        .extracting(Config.IncidentSource::type)
        .containsExactly(IncidentSourceType.values());
  }

  @Test
  void ticketSystemType_eachSection_readsItsType() throws IOException {
    Config config =
        load(
            "tickets:\n"
                + "  zendesk: {url: https://acme.zendesk.com, email-env: EMAIL, token-env: TOKEN}\n"
                + "  jira: {url: https://acme.atlassian.net, email-env: EMAIL, token-env: TOKEN}\n"
                + "  freshdesk: {url: https://acme.freshdesk.com, token-env: TOKEN}\n"
                + "  intercom: {region: eu, token-env: TOKEN}\n",
            Map.of("EMAIL", "bot@acme.com", "TOKEN", "t"));

    assertThat(config.tickets().systems())
        .extracting(Config.TicketSystem::system)
        .containsExactly(TicketSystemType.values());
  }

  @Test
  void ticketWrite_separateCredentialNamed_isReadApartFromTheReadingOne() throws IOException {
    Config config =
        load(
            "tickets:\n"
                + "  zendesk: {url: https://acme.zendesk.com, email-env: EMAIL, token-env: TOKEN,\n"
                + "            write-email-env: WRITE_EMAIL, write-token-env: WRITE_TOKEN}\n"
                + "  jira: {url: https://acme.atlassian.net, email-env: EMAIL, token-env: TOKEN,\n"
                + "         write-token-env: WRITE_TOKEN}\n"
                + "  freshdesk: {url: https://acme.freshdesk.com, token-env: TOKEN}\n"
                + "  intercom: {region: eu, token-env: TOKEN, write-token-env: WRITE_TOKEN,"
                + " admin-id: \"4123456\"}\n",
            Map.of(
                "EMAIL", "reader@acme.com",
                "TOKEN", "read",
                "WRITE_EMAIL", "writer@acme.com",
                "WRITE_TOKEN", "write"));

    Map<TicketSystemType, Config.TicketSystem> systems =
        config.tickets().systems().stream()
            .collect(
                java.util.stream.Collectors.toMap(Config.TicketSystem::system, system -> system));
    Config.TicketWrite zendesk = systems.get(TicketSystemType.ZENDESK).write().orElseThrow();
    assertThat(zendesk.login()).contains("writer@acme.com");
    assertThat(zendesk.token().value()).isEqualTo("write");
    assertThat(zendesk.toString()).doesNotContain("write\"").doesNotContain("=write,");
    assertThat(systems.get(TicketSystemType.ZENDESK).token().value()).isEqualTo("read");
    // Jira Cloud's writer defaults to the reading account's email, with its own token.
    assertThat(systems.get(TicketSystemType.JIRA).write().orElseThrow().login())
        .contains("reader@acme.com");
    assertThat(systems.get(TicketSystemType.FRESHDESK).write()).isEmpty();
    assertThat(systems.get(TicketSystemType.INTERCOM).write().orElseThrow().adminId())
        .contains("4123456");
  }

  @Test
  void ticketWrite_intercomWithoutAdmin_isAProblemNamingTheKey() {
    assertThatThrownBy(
            () ->
                load(
                    "tickets:\n"
                        + "  intercom: {region: us, token-env: TOKEN, write-token-env: TOKEN}\n",
                    Map.of("TOKEN", "t")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tickets.intercom.admin-id");
  }
}
