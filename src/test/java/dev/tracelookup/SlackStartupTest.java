package dev.tracelookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigException;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.slack.SlackApp;
import dev.tracelookup.testing.FakeSlackApi;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code serve} with a bot token Slack refuses stops with a message naming the token, not a stack trace. */
final class SlackStartupTest {
  @Test
  void create_botTokenRefusedBySlack_isAStartupProblemNamingTheToken() throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi()) {
      slackApi.revokeToken();
      Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml",
          "SLACK_API_URL", slackApi.apiUrl(), "SLACK_SIGNING_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-revoked"));
      Wiring wiring = new Wiring(config, Clock.systemUTC());
      SlackConfig slackConfig = new SlackConfig();
      slackConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl());

      try {
        assertThatThrownBy(() -> SlackApp.create(config, Slack.getInstance(slackConfig), wiring.slackServices(),
            wiring.jobs, wiring.slackCalls, Ticker.systemTicker()))
            .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().asString()
                .startsWith("SLACK_BOT_TOKEN: Slack refused it").contains(slackApi.apiUrl())
                .doesNotContain("xoxb-revoked"));
      } finally {
        wiring.drain();
      }
    }
  }
}
