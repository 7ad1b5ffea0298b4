package dev.tracelookup.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.time.DateOrder;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The zone to read an agent's times in: their Slack zone, or UTC with a note saying so. */
final class AgentZoneReader {
  private static final Duration ACK_SAFE_WAIT = Duration.ofMillis(1500);
  private static final String UTC_NOTE =
      "Your Slack time zone could not be read, so times are read as UTC."
          + " Add `tz America/New_York` (or your zone) to choose.";

  private final AgentZones zones;

  AgentZoneReader(AgentZones zones) {
    this.zones = zones;
  }

  /**
   * The zone, whether it is only the UTC fallback, and the date order of the agent's Slack locale
   * when Slack gave one ({@code 2/6} is 2 June for {@code en-GB}).
   */
  record AgentZone(ZoneId zone, boolean fallback, Optional<DateOrder> dateOrder) {
    /** Returns the message with the fallback note added when the zone is a guess. */
    SlackMessage withNote(SlackMessage message) {
      if (!fallback) {
        return message;
      }
      List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
      blocks.add(context(List.of(markdownText(UTC_NOTE))));
      return new SlackMessage(message.text() + "\n" + UTC_NOTE, blocks);
    }
  }

  AgentZone zoneOf(String slackUserId) {
    Optional<ZoneId> zone = zones.zoneOf(slackUserId, ACK_SAFE_WAIT);
    Optional<DateOrder> order = zones.dateOrderOf(slackUserId);
    return zone.map(z -> new AgentZone(z, false, order))
        .orElseGet(() -> new AgentZone(ZoneOffset.UTC, true, order));
  }
}
