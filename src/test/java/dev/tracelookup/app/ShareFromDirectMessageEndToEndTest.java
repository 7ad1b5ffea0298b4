package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.testing.FakeHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Share in channel" on a card the agent got in a direct message the bot is not part of: Slack
 * refuses the post, and nobody can {@code /invite} an app into a DM, so the agent is told what does
 * work instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ShareFromDirectMessageEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private SignedSlackBot bot;
  // Each case is a press of its own: the bot acts once on the same press sent twice
  // (ActionReplays).
  private int presses;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    bot = new SignedSlackBot(dir, "");
  }

  @AfterAll
  void stop() throws Exception {
    bot.close();
  }

  @ParameterizedTest
  @CsvSource({
    "D0DIRECT, directmessage, channel_not_found",
    "D0DIRECT, directmessage, not_in_channel",
    "G0GROUP, mpdm-agent--lee--sam-1, channel_not_found"
  })
  void shareButton_directMessageWithoutTheBot_explainsWhatWorksInsteadOfInvite(
      String channel, String name, String error) throws Exception {
    bot.slackApi().postMessageError(error);

    bot.postPayload(share(channel, name, "dm-" + channel + "-" + error));

    FakeHttpServer.RecordedRequest answer =
        bot.slackApi().server().takeRequest("/response/dm-" + channel + "-" + error, WAIT);
    assertThat(answer.body())
        .doesNotContain("/invite")
        .contains("direct message")
        .contains("in a channel")
        .contains("\"response_type\":\"ephemeral\"");
  }

  @Test
  void shareButton_channelWithoutTheBot_stillSaysToInviteIt() throws Exception {
    bot.slackApi().postMessageError("not_in_channel");

    bot.postPayload(share("C0SUPPORT", "support", "channel"));

    FakeHttpServer.RecordedRequest answer =
        bot.slackApi().server().takeRequest("/response/channel", WAIT);
    assertThat(answer.body()).contains("/invite @trace-lookup").doesNotContain("direct message");
  }

  private String share(String channel, String channelName, String responseId) {
    presses++;
    String value =
        bot.buttonValue(
            new LookupRequest(
                "usr_k8x9m2",
                new TimeWindow(
                    Instant.parse("2026-02-06T14:00:00Z"),
                    Instant.parse("2026-02-06T14:30:00Z"),
                    ZoneOffset.UTC,
                    "test"),
                Optional.empty(),
                Optional.empty(),
                false));
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\",\"username\":\"agent\",\"team_id\":\"T0001\"},"
               + "\"api_app_id\":\"A0001\",\"token\":\"legacy\",\"container\":{\"type\":\"message\","
               + "\"message_ts\":\"1700000000.00010"
        + presses
        + "\",\"channel_id\":\""
        + channel
        + "\",\"is_ephemeral\":true},"
        + "\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"channel\":{\"id\":\""
        + channel
        + "\",\"name\":\""
        + channelName
        + "\"},"
        + "\"response_url\":\""
        + bot.slackApi().responseUrl(responseId)
        + "\",\"actions\":[{\"action_id\":\"share_card\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},"
        + "\"value\":"
        + new Gson().toJson(value)
        + ",\"type\":\"button\",\"action_ts\":\"1700000002.00030"
        + presses
        + "\"}]}";
  }
}
