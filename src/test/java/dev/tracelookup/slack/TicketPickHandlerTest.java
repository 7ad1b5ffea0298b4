package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.render.ActionId;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ticket picked from a message that linked several, through Bolt's {@code app.run}. */
final class TicketPickHandlerTest {
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

  @Test
  void pick_secondTicket_opensTheFormForThatTicket() throws Exception {
    bot.tickets(
        (link, zone) ->
            InProcessSlackApp.resolved(
                "Zendesk #" + link.url().replaceAll(".*/", ""), "usr_k8x9m2"));
    FormContext where =
        new FormContext(
            "C0SUPPORT", Optional.empty(), bot.slack().responseUrl("pick").toString(), "");
    String value = new TicketPick("https://acme.zendesk.com/agent/tickets/4513", where).encode();

    bot.run(bot.press("U0AGENT", ActionId.PICK_TICKET.id(1), value, "pick"));

    assertThat(InProcessSlackApp.field(bot.next("/api/views.open"), "view"))
        .contains("Zendesk #4513");
    assertThat(InProcessSlackApp.field(bot.next("/api/views.update"), "view"))
        .contains("usr_k8x9m2")
        .contains("Zendesk #4513");
  }

  @Test
  void pick_valueThatIsNoTicket_isAnsweredClearlyAndOpensNothing() throws Exception {
    bot.run(
        bot.press(
            "U0AGENT",
            ActionId.PICK_TICKET.id(0),
            "{\"u\":\"https://evil.example.com/1\",\"f\":\"{}\"}",
            "evil"));

    assertThat(bot.next("/response/evil").body())
        .contains("That button no longer points at a ticket I can read.");
    assertThat(bot.calls()).doesNotContain("/api/views.open");
  }
}
