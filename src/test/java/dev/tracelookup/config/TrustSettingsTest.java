package dev.tracelookup.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TrustSettingsTest {
  @TempDir Path dir;

  private Map<String, String> env(String yaml) throws IOException {
    Files.createDirectories(dir.resolve("demo"));
    return Map.of(
        "TRACE_LOOKUP_CONFIG", Files.writeString(dir.resolve("trace-lookup.yml"), yaml).toString());
  }

  @Test
  void load_shippedConfig_isOpenToEveryoneAndAuditsToStdout() {
    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml"));

    assertThat(config.access().open()).isTrue();
    assertThat(config.access().groupTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.audit().file()).isEmpty();
  }

  @Test
  void load_accessAndAuditFile_readsIdsAndResolvesThePathAgainstTheConfig() throws IOException {
    Map<String, String> env =
        env(
            "access:\n"
                + "  channels: [C0SUPPORT]\n"
                + "  user-groups: [S0AGENTS]\n"
                + "  users: [U0ALICE]\n"
                + "  ask: \"#support-tooling\"\n"
                + "audit:\n"
                + "  destination: file\n"
                + "  path: logs/audit.jsonl\n"
                + "  max-bytes: 2048\n"
                + "  keep: 3\n");

    Config config = ConfigLoader.load(env);

    assertThat(config.access().channels()).containsExactly("C0SUPPORT");
    assertThat(config.access().userGroups()).containsExactly("S0AGENTS");
    assertThat(config.access().users()).containsExactly("U0ALICE");
    assertThat(config.access().ask()).isEqualTo("#support-tooling");
    assertThat(config.audit().file()).contains(dir.resolve("logs/audit.jsonl"));
    assertThat(config.audit().maxBytes()).isEqualTo(2048);
    assertThat(config.audit().keep()).isEqualTo(3);
  }

  @Test
  void load_namesInsteadOfIdsAndUnknownDestination_reportsEveryProblemAtOnce() throws IOException {
    Map<String, String> env =
        env(
            "access:\n  channels: ['#support']\n  user-groups: [agents]\n  users: [alice]\n"
                + "audit:\n  destination: syslog\n");

    assertThatThrownBy(() -> ConfigLoader.load(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("access.channels: \"#support\" is not a Slack ID")
                                .contains("for example access.channels: [C0123SUPPORT]"))
                    .anySatisfy(p -> assertThat(p).startsWith("access.user-groups: \"agents\""))
                    .anySatisfy(p -> assertThat(p).startsWith("access.users: \"alice\""))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "audit.destination: \"syslog\" is not stdout or file")));
  }

  @Test
  void load_externalAccess_refusesOtherWorkspacesUnlessAllowedOrListed() throws IOException {
    assertThat(
            ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml"))
                .access()
                .externalAllowed())
        .isFalse();

    Config.Access access =
        ConfigLoader.load(env("access:\n  external: allow\n  teams: [T0PARTNER, E0PARTNERORG]\n"))
            .access();

    assertThat(access.externalAllowed()).isTrue();
    assertThat(access.teams()).containsExactly("T0PARTNER", "E0PARTNERORG");
    assertThat(access.open()).isTrue();
  }

  @Test
  void load_externalMisspeltAndTeamNames_reportEachWithAnExample() throws IOException {
    Map<String, String> env = env("access:\n  external: yes-please\n  teams: [partner-corp]\n");

    assertThatThrownBy(() -> ConfigLoader.load(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "access.external: \"yes-please\" is not refuse or allow")
                                .contains("for example access.external: refuse"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("access.teams: \"partner-corp\" is not a Slack ID")
                                .contains("for example access.teams: [T0123PARTNER]")));
  }
}
