package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who counts as the installing workspace's people, case by case. The bot is installed in T0001; the
 * organisation cases install it in T0001 of the Enterprise organisation E0ACME.
 */
final class HomeTeamsTest {
  private static final Config.Access DEFAULT = access(false, List.of());
  private static final HomeTeams.Installation WORKSPACE =
      new HomeTeams.Installation("T0001", Optional.empty());
  private static final HomeTeams.Installation ORGANISATION =
      new HomeTeams.Installation("T0001", Optional.of("E0ACME"));

  private static Config.Access access(boolean externalAllowed, List<String> teams) {
    return new Config.Access(
        List.of(),
        List.of(),
        List.of(),
        "#support-tooling",
        Duration.ofMinutes(5),
        externalAllowed,
        teams);
  }

  private static Origin origin(
      List<String> person, String workspace, List<String> enterprises, boolean shared) {
    return new Origin(person, workspace, enterprises, shared);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            Named.of("our agent", WORKSPACE),
            DEFAULT,
            origin(List.of("T0001"), "T0001", List.of(), false),
            Optional.empty()),
        Arguments.of(
            Named.of("a partner in a Slack Connect channel", WORKSPACE),
            DEFAULT,
            origin(List.of("T0PARTNER"), "T0PARTNER", List.of(), false),
            Optional.of(HomeTeams.Refusal.OTHER_ORGANISATION)),
        Arguments.of(
            Named.of("a partner pressing a button in our workspace's channel", WORKSPACE),
            DEFAULT,
            origin(List.of("T0PARTNER"), "T0001", List.of(), false),
            Optional.of(HomeTeams.Refusal.OTHER_ORGANISATION)),
        Arguments.of(
            Named.of("a partner's mention, delivered to us", WORKSPACE),
            DEFAULT,
            origin(List.of("T0PARTNER"), "T0001", List.of(), true),
            Optional.of(HomeTeams.Refusal.OTHER_ORGANISATION)),
        Arguments.of(
            Named.of("our agent's mention in a channel shared with a partner", WORKSPACE),
            DEFAULT,
            origin(List.of("T0001"), "T0001", List.of(), true),
            Optional.of(HomeTeams.Refusal.SHARED_CHANNEL)),
        Arguments.of(
            Named.of("a payload from an organisation we are not in", WORKSPACE),
            DEFAULT,
            origin(List.of("T0001"), "T0001", List.of("E0OTHER"), false),
            Optional.of(HomeTeams.Refusal.OTHER_ORGANISATION)),
        Arguments.of(
            Named.of("a payload that names no team at all", WORKSPACE),
            DEFAULT,
            origin(List.of(), "", List.of(), false),
            Optional.of(HomeTeams.Refusal.OTHER_ORGANISATION)),
        Arguments.of(
            Named.of("a listed partner team", WORKSPACE),
            access(false, List.of("T0PARTNER")),
            origin(List.of("T0PARTNER"), "T0PARTNER", List.of(), false),
            Optional.empty()),
        Arguments.of(
            Named.of("a listed partner's mention in the shared channel", WORKSPACE),
            access(false, List.of("T0PARTNER")),
            origin(List.of("T0PARTNER"), "T0001", List.of(), true),
            Optional.of(HomeTeams.Refusal.SHARED_CHANNEL)),
        Arguments.of(
            Named.of("anyone, with external: allow", WORKSPACE),
            access(true, List.of()),
            origin(List.of("T0PARTNER"), "T0PARTNER", List.of("E0OTHER"), true),
            Optional.empty()),
        Arguments.of(
            Named.of("our organisation's person (Slack names the organisation)", ORGANISATION),
            DEFAULT,
            origin(List.of("E0ACME"), "T0001", List.of("E0ACME"), false),
            Optional.empty()),
        Arguments.of(
            Named.of("a sister workspace of our organisation", ORGANISATION),
            DEFAULT,
            origin(List.of("E0ACME"), "T0002", List.of("E0ACME"), false),
            Optional.empty()),
        Arguments.of(
            Named.of("another organisation's workspace", ORGANISATION),
            DEFAULT,
            origin(List.of("E0OTHER"), "T0009", List.of("E0OTHER"), false),
            Optional.of(HomeTeams.Refusal.OTHER_ORGANISATION)),
        Arguments.of(
            Named.of("another workspace claiming no organisation", ORGANISATION),
            DEFAULT,
            origin(List.of("T0009"), "T0009", List.of(), false),
            Optional.of(HomeTeams.Refusal.OTHER_ORGANISATION)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusal_eachOrigin_matchesTheDocumentedRule(
      HomeTeams.Installation installation,
      Config.Access access,
      Origin origin,
      Optional<HomeTeams.Refusal> expected) {
    HomeTeams home = new HomeTeams(installation, access);

    assertThat(home.refusal(origin)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void message_eachRefusal_isASentenceNamingWhoToAsk(
      HomeTeams.Installation installation,
      Config.Access access,
      Origin origin,
      Optional<HomeTeams.Refusal> expected) {
    HomeTeams home = new HomeTeams(installation, access);

    expected.ifPresent(
        refusal ->
            assertThat(home.message(refusal))
                .startsWith(":lock: ")
                .endsWith(".")
                .doesNotContain("T0001")
                .doesNotContain("E0ACME"));
  }

  @org.junit.jupiter.api.Test
  void refusal_slashCommands_areJudgedByTheWorkspaceAndOrganisationTheyWereTypedIn() {
    HomeTeams home = new HomeTeams(ORGANISATION, DEFAULT);

    assertThat(home.refusal(Origin.of(command("T0002", "E0ACME")))).isEmpty();
    assertThat(home.refusal(Origin.of(command("T0001", null)))).isEmpty();
    assertThat(home.refusal(Origin.of(command("T0PARTNER", "E0PARTNER"))))
        .contains(HomeTeams.Refusal.OTHER_ORGANISATION);
    assertThat(home.refusal(Origin.of(command("T0PARTNER", null))))
        .contains(HomeTeams.Refusal.OTHER_ORGANISATION);
    assertThat(Origin.of(command("T0PARTNER", "E0PARTNER")).team()).isEqualTo("T0PARTNER");
  }

  private static com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload command(
      String team, String enterprise) {
    var payload = new com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload();
    payload.setTeamId(team);
    payload.setEnterpriseId(enterprise);
    payload.setUserId("U0AGENT");
    return payload;
  }
}
