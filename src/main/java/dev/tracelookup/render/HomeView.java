package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The app's Home tab: a "Find traces" button, the agent's recent lookups (each naming the customer
 * by fingerprint, with a button to run it again), how the bot's dependencies stand, and a short
 * how-to. Whatever it is given, it stays within a Home tab's 100 blocks.
 */
public final class HomeView {
  public static final String CALLBACK_ID = "trace_lookup_home";
  public static final String FIND_TRACES = "home_find_traces";
  public static final String RUN_AGAIN = "home_run_again";

  /** A Home tab holds up to 100 blocks; the recent list is the only part that grows. */
  public static final int MAX_RECENT = 10;

  public static final int MAX_METADATA = 3_000;
  private static final int MAX_DEPENDENCIES = 20;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private HomeView() {}

  /** What a lookup found, as the recent list says it. */
  public enum Outcome {
    FAILED("failed", VerdictText.FAILED),
    REFUSED("refused", VerdictText.REFUSED),
    SUCCEEDED("succeeded", VerdictText.SUCCEEDED),
    NO_TRACES("no traces", "∅"),
    ERROR("lookup failed", "⚠️");

    private final String words;
    private final String marker;

    Outcome(String words, String marker) {
      this.words = words;
      this.marker = marker;
    }
  }

  /**
   * One recent lookup.
   *
   * @param customer the customer's fingerprint ({@code u:…}), never the ID
   * @param traces how many traces it found
   * @param runAgain the button value that runs it again
   */
  public record Recent(
      Instant at,
      String customer,
      Instant from,
      Instant to,
      Outcome outcome,
      int traces,
      String runAgain) {
    public Recent {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(runAgain, "runAgain");
    }
  }

  /** One dependency as {@code /readyz} last saw it: {@code up}, {@code degraded}, … */
  public record Dependency(String kind, String name, String state, String detail) {}

  /**
   * Returns the Home tab.
   *
   * @param recents newest first; only the first {@link #MAX_RECENT} are shown
   * @param metadata what the next {@code app_home_opened} hands back: the recent list
   * @throws IllegalArgumentException when {@code metadata} is over Slack's 3,000 characters
   */
  public static View of(
      List<Recent> recents, List<Dependency> health, ZoneId zone, String metadata) {
    if (metadata.length() > MAX_METADATA) {
      throw new IllegalArgumentException("private_metadata over 3000 characters");
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Trace Lookup"))));
    blocks.add(
        section(
            s ->
                s.text(
                        Mrkdwn.text(
                            "From a customer's ticket to their failing request: give the user ID"
                                + " and the time they gave, get the error path."))
                    .accessory(
                        button(
                            b ->
                                b.actionId(FIND_TRACES)
                                    .style("primary")
                                    .text(plainText("Find traces"))))));
    blocks.add(divider());
    blocks.add(SlackBlocks.mrkdwnSection("*Your recent lookups*"));
    List<Recent> shown = recents.subList(0, Math.min(MAX_RECENT, recents.size()));
    if (shown.isEmpty()) {
      blocks.add(SlackBlocks.notes(List.of("None yet: your lookups show here, newest first.")));
    }
    for (Recent recent : shown) {
      blocks.add(recent(recent, zone));
    }
    blocks.add(divider());
    blocks.add(SlackBlocks.mrkdwnSection("*Health*, as `/readyz` sees it"));
    blocks.add(SlackBlocks.notes(healthLines(health)));
    blocks.add(divider());
    blocks.add(SlackBlocks.mrkdwnSection(Mrkdwn.escape(HOW_TO)));
    return view(
        v -> v.type("home").callbackId(CALLBACK_ID).privateMetadata(metadata).blocks(blocks));
  }

  private static final String HOW_TO =
      "How to use it\n"
          + "• /trace-lookup <user ID> 2:15pm tz America/New_York: the customer's user ID and the"
          + " time they gave; /trace-lookup help says more.\n"
          + "• Find traces (⋮ on a message): reads the ticket link in the message and opens the"
          + " form prefilled.\n"
          + "• Mention @trace-lookup in a thread to post the card there.\n"
          + "• Paste a Tempo, Jaeger or Zipkin trace link: its error path shows under it.\n"
          + "Answers are private until you press Share.";

  private static LayoutBlock recent(Recent recent, ZoneId zone) {
    String line =
        recent.outcome().marker
            + " *customer "
            + Mrkdwn.escape(recent.customer(), 40)
            + "* · "
            + CLOCK.format(recent.from().atZone(zone))
            + "–"
            + CLOCK.format(recent.to().atZone(zone))
            + " on "
            + DAY.format(recent.from().atZone(zone))
            + " · "
            + recent.outcome().words
            + (recent.traces() > 0 ? " (" + TraceViews.count(recent.traces(), "trace") + ")" : "")
            + "\nlooked up "
            + WHEN.format(recent.at().atZone(zone))
            + " "
            + zone.getId();
    return section(
        s ->
            s.text(Mrkdwn.text(line))
                .accessory(
                    button(
                        b ->
                            b.actionId(RUN_AGAIN)
                                .text(plainText("Run again"))
                                .value(recent.runAgain()))));
  }

  private static List<String> healthLines(List<Dependency> health) {
    if (health.isEmpty()) {
      return List.of("Not checked yet.");
    }
    List<String> lines = new ArrayList<>();
    // A context block holds ten elements: two dependencies a line.
    List<String> all = new ArrayList<>();
    for (Dependency dependency : health.subList(0, Math.min(MAX_DEPENDENCIES, health.size()))) {
      all.add(
          dot(dependency.state())
              + " "
              + dependency.kind().replace('_', ' ')
              + " "
              + dependency.name()
              + ": "
              + dependency.state()
              + (dependency.detail().isBlank() ? "" : " (" + dependency.detail() + ")"));
    }
    for (int i = 0; i < all.size(); i += 2) {
      lines.add(String.join("   ", all.subList(i, Math.min(all.size(), i + 2))));
    }
    return lines;
  }

  private static String dot(String state) {
    switch (state) {
      case "up":
        return "🟢";
      case "degraded":
        return "🟡";
      case "down":
        return "🔴";
      default:
        return "⚪";
    }
  }
}
