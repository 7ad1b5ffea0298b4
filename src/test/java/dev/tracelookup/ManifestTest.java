package dev.tracelookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracelookup.slack.SlackApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Slack app manifest an admin pastes: every scope and event it asks for is explained in the
 * README, so nobody installs a permission nobody can account for.
 */
final class ManifestTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void manifest_everyBotScope_isExplainedInTheReadme() throws IOException {
    List<String> scopes = texts(manifest().path("oauth_config").path("scopes").path("bot"));

    assertThat(scopes)
        .contains("channels:history", "groups:history", "im:history", "mpim:history")
        .allSatisfy(scope -> assertThat(readme()).contains("`" + scope + "`"));
  }

  @Test
  void manifest_everyBotEvent_isExplainedInTheReadme() throws IOException {
    List<String> events =
        texts(manifest().path("settings").path("event_subscriptions").path("bot_events"));

    assertThat(events)
        .contains("app_mention")
        .allSatisfy(event -> assertThat(readme()).contains("`" + event + "`"));
  }

  @Test
  void manifest_findTracesShortcut_isTheOneTheAppListensFor() throws IOException {
    List<String> callbacks = new ArrayList<>();
    manifest()
        .path("features")
        .path("shortcuts")
        .forEach(shortcut -> callbacks.add(shortcut.path("callback_id").asText()));

    assertThat(callbacks).containsExactly(SlackApp.FIND_TRACES);
  }

  private static JsonNode manifest() throws IOException {
    return YAML.readTree(Path.of("manifest.yml").toFile());
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
