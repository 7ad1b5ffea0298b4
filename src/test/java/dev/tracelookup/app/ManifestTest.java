package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped Slack app manifest still installs what the bot uses: it parses, asks for the scopes
 * and events the handlers need (the Home tab, trace-link previews), and the README explains each.
 */
final class ManifestTest {
  private static final Path MANIFEST = Path.of("manifest.yml");
  private static final Path README = Path.of("README.md");

  private static JsonNode manifest() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

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
            "links:write");
    assertThat(texts(manifest.at("/settings/event_subscriptions/bot_events")))
        .containsExactlyInAnyOrder("app_mention", "app_home_opened", "link_shared");
    assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
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
    String readme = Files.readString(README);

    for (String scope : texts(manifest.at("/oauth_config/scopes/bot"))) {
      assertThat(readme).as("README explains scope %s", scope).contains("`" + scope + "`");
    }
    for (String event : texts(manifest.at("/settings/event_subscriptions/bot_events"))) {
      assertThat(readme).as("README explains event %s", event).contains("`" + event + "`");
    }
    assertThat(readme).contains("unfurl_domains").contains("slack.unfurl-domains");
  }
}
