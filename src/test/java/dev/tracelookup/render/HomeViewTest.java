package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.util.json.GsonFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HomeViewTest {
  private static final Instant AT = Instant.parse("2026-02-06T14:40:00Z");

  private static HomeView.Recent recent(int i) {
    return new HomeView.Recent(
        AT.minusSeconds(60L * i),
        "u:" + "0123456789abcdef0123".substring(0, 20),
        Instant.parse("2026-02-06T14:00:00Z"),
        Instant.parse("2026-02-06T14:30:00Z"),
        HomeView.Outcome.values()[i % HomeView.Outcome.values().length],
        i,
        "v".repeat(1_900));
  }

  private static String json(com.slack.api.model.view.View view) {
    return GsonFactory.createSnakeCase().toJson(view);
  }

  @Test
  void of_moreRecentsAndDependenciesThanFit_staysWithinHomeTabLimits() {
    List<HomeView.Recent> recents = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      recents.add(recent(i));
    }
    List<HomeView.Dependency> health = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      health.add(new HomeView.Dependency("ticket_system", "zendesk " + i, "down", "x".repeat(600)));
    }

    String view = json(HomeView.of(recents, health, ZoneId.of("Europe/Paris"), "m".repeat(3_000)));

    assertThat(BlockKitCheck.viewViolations(view)).isEmpty();
    assertThat(view.split("home_run_again", -1)).hasSize(HomeView.MAX_RECENT + 1);
  }

  @Test
  void of_recent_namesTheCustomerByFingerprintInTheAgentsZone() {
    String view = json(HomeView.of(List.of(recent(0)), List.of(), ZoneId.of("Europe/Paris"), "{}"));

    assertThat(view)
        .contains("customer u:0123456789abcdef0123")
        .contains("15:00–15:30 on Feb 6")
        .contains("looked up Feb 6 15:40 Europe/Paris")
        .contains("Not checked yet.");
  }

  @Test
  void of_metadataOverSlacksLimit_isRefused() {
    assertThatThrownBy(() -> HomeView.of(List.of(), List.of(), ZoneId.of("UTC"), "m".repeat(3_001)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
