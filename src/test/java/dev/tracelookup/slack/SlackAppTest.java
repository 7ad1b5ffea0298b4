package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import dev.tracelookup.render.ActionId;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The listeners {@link SlackApp} registers, through Bolt's {@code app.run}. */
final class SlackAppTest {
  @TempDir Path dir;
  private InProcessSlackApp bot;

  @BeforeEach
  void start() throws Exception {
    bot = new InProcessSlackApp(dir, "");
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  /** Bolt answers 404 to a button nobody listens for, and Slack shows the agent an error. */
  @ParameterizedTest
  @EnumSource(ActionId.class)
  void everyButtonTheCardsDraw_isListenedFor(ActionId action) throws Exception {
    String id = action == ActionId.PICK_TICKET ? action.id(3) : action.id();

    Response ack = bot.run(bot.press("U0AGENT", id, "", "listened"));

    assertThat(ack.getStatusCode()).isEqualTo(200);
  }

  @Test
  void aButtonNobodyListensFor_isNotFound() throws Exception {
    Response ack = bot.run(bot.press("U0AGENT", "no_such_button", "", "unheard"));

    assertThat(ack.getStatusCode()).isEqualTo(404);
  }
}
