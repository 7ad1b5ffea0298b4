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
 * The Slack app manifest an admin pastes still installs what the bot uses: it parses, asks for the
 * scopes and events the handlers need (the Home tab, trace-link previews, thread parents), names
 * the shortcut the app listens for, and every scope and event it asks for is explained in the
 * README, so nobody installs a permission nobody can account for.
 */
final class ManifestTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void manifest_parses_andAsksForTheScopesAndEventsTheHandlersUse() throws IOException {
    JsonNode manifest = manifest();

    assertThat(texts(manifest.at("/oauth_config/scopes/bot")))
        .contains(
            "commands",
            "chat:write",
            "users:read",
            "app_mentions:read",
            "usergroups:read",
            "links:read",
            "links:write",
            "channels:history",
            "groups:history",
            "im:history",
            "mpim:history");
    assertThat(texts(manifest.at("/settings/event_subscriptions/bot_events")))
        .containsExactlyInAnyOrder("app_mention", "app_home_opened", "link_shared");
    assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
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

  @Test
  void manifest_unfurlDomains_areAFewHostsSlackAccepts() throws IOException {
    List<String> domains = texts(manifest().at("/features/unfurl_domains"));

    // Slack takes at most 5, as bare host names.
    assertThat(domains).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(domains).allMatch(domain -> domain.matches("[a-z0-9.-]+\\.[a-z]+"));
  }

  @Test
  void readme_explainsEveryScopeAndEvent() throws IOException {
    JsonNode manifest = manifest();
    String readme = Files.readString(Path.of("README.md"));

    for (String scope : texts(manifest.at("/oauth_config/scopes/bot"))) {
      assertThat(readme).as("README explains scope %s", scope).contains("`" + scope + "`");
    }
    for (String event : texts(manifest.at("/settings/event_subscriptions/bot_events"))) {
      assertThat(readme).as("README explains event %s", event).contains("`" + event + "`");
    }
    assertThat(readme).contains("unfurl_domains").contains("slack.unfurl-domains");
  }

  private static JsonNode manifest() throws IOException {
    return YAML.readTree(Path.of("manifest.yml").toFile());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
