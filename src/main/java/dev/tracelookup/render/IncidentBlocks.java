package dev.tracelookup.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The known incidents under the featured trace: one line each, with a link to the incident. */
final class IncidentBlocks {
  private static final int MAX_LINE = 400;
  private static final int MAX_INCIDENTS = 3;

  private IncidentBlocks() {}

  static List<LayoutBlock> of(List<IncidentNote> incidents) {
    if (incidents.isEmpty()) {
      return List.of();
    }
    // The line counting other customers is not an incident: it never takes an incident's place.
    String text =
        Stream.concat(
                incidents.stream().filter(note -> !note.incident()),
                incidents.stream().filter(IncidentNote::incident).limit(MAX_INCIDENTS))
            .map(IncidentBlocks::line)
            .collect(Collectors.joining("\n"));
    return List.of(SlackBlocks.mrkdwnSection(text));
  }

  private static String line(IncidentNote note) {
    String line = note.icon() + " " + Mrkdwn.escape(note.text(), MAX_LINE);
    // The URL comes from an incident source, not from the agent: link it, with the characters that
    // would end a Slack link removed.
    return note.url()
        .map(url -> url.replaceAll("[<>|\\s]", ""))
        .filter(url -> url.length() <= 1_000)
        .map(url -> line + " · <" + url + "|details>")
        .orElse(line);
  }
}
