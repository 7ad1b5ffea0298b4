package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The short messages around a lookup: the acknowledgement, "no traces", errors, help and busy. Each
 * has a fallback text and stays within Block Kit limits whatever the text passed in.
 */
public final class Messages {
  private static final int MAX_LABEL = 100;
  private static final int MAX_TEXT = 2_000;
  private static final int MAX_WARNINGS = 5;
  private static final int MAX_USAGE_BLOCKS = 3;
  private static final int MAX_USAGE_CHARS = 8_000;

  private Messages() {}

  /**
   * Returns the acknowledgement sent while the lookup runs: "Looking up traces for usr_1 between
   * 14:00 and 14:30 UTC (9:00–9:30 AM your time, America/New_York) …", then the date, how the time
   * was understood ({@code basis}) and the filters.
   */
  public static SlackMessage searching(
      String userLabel, Instant from, Instant to, ZoneId agentZone, String basis, String filters) {
    String line =
        "Looking up traces for "
            + Texts.clip(userLabel, MAX_LABEL)
            + " "
            + window(from, to, agentZone)
            + " …";
    List<String> details = new ArrayList<>();
    details.add(TimeFormat.utcDate(from));
    addIfPresent(details, "read as ", basis);
    addIfPresent(details, "filters: ", filters);
    return message(
        line,
        List.of(
            SlackBlocks.mrkdwnSection(Mrkdwn.escape(line, MAX_TEXT)),
            SlackBlocks.notes(List.of(String.join(" · ", details)))));
  }

  /**
   * Returns the answer when nothing matched: what was searched (user, window in UTC and in the
   * agent's zone, backend, filters), what to try, and the backend's warnings.
   */
  public static SlackMessage noTraces(
      String userLabel,
      Instant from,
      Instant to,
      ZoneId agentZone,
      String backendName,
      String filters,
      List<String> warnings) {
    String line =
        "🔍 No traces found for "
            + Texts.clip(userLabel, MAX_LABEL)
            + " "
            + window(from, to, agentZone)
            + ".";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(SlackBlocks.mrkdwnSection(Mrkdwn.escape(line, MAX_TEXT)));
    blocks.add(SlackBlocks.notes(List.of(searched(from, to, backendName, filters))));
    String tips = suggestions(agentZone, backendName, filters);
    blocks.add(SlackBlocks.mrkdwnSection(Mrkdwn.escape(tips, MAX_TEXT)));
    if (!warnings.isEmpty()) {
      blocks.add(SlackBlocks.notes(warningLines(warnings)));
    }
    return message(line, blocks);
  }

  /** Returns an error a support agent can act on: "⚠️ Tempo did not answer within 10 s …". */
  public static SlackMessage failure(String userMessage) {
    return line("⚠️ " + Texts.clip(userMessage, MAX_TEXT));
  }

  /**
   * Returns a line about other customers with the same failure, sent on its own after a card that
   * could not be updated with it; the line comes with its icon.
   */
  public static SlackMessage otherCustomers(String line) {
    return line(Texts.clip(line, MAX_TEXT));
  }

  /**
   * Returns an answer that is not a failure, such as "Added an internal note to Zendesk #4512: …";
   * links in it are plain URLs, which Slack makes clickable.
   */
  public static SlackMessage notice(String userMessage) {
    return line("📝 " + Texts.clip(userMessage, MAX_TEXT));
  }

  /** Returns a message of one line of plain text, escaped, as its fallback text and its block. */
  private static SlackMessage line(String line) {
    return message(line, List.of(SlackBlocks.mrkdwnSection(Mrkdwn.escape(line, MAX_TEXT))));
  }

  /**
   * Returns help: the problem (when not empty), "I understood: …" (when {@code understood} is not
   * empty), then the usage. The usage may use mrkdwn such as {@code `code`}.
   */
  public static SlackMessage help(String problem, String understood, String usage) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String first = Texts.present(problem) ? "⚠️ " + Texts.clip(problem, MAX_TEXT) : "";
    if (!first.isEmpty()) {
      blocks.add(SlackBlocks.mrkdwnSection(Mrkdwn.escape(first, MAX_TEXT)));
    }
    if (Texts.present(understood)) {
      blocks.add(SlackBlocks.notes(List.of("I understood: " + understood)));
    }
    List<String> usageLines =
        Arrays.stream(usage.split("\n"))
            .map(l -> Mrkdwn.escape(l, MAX_TEXT))
            .collect(Collectors.toList());
    LinePacker.pack(
            usageLines, 0, BlockKitLimits.MAX_SECTION_TEXT, MAX_USAGE_BLOCKS, MAX_USAGE_CHARS)
        .forEach(chunk -> blocks.add(SlackBlocks.mrkdwnSection(chunk)));
    return message(first.isEmpty() ? Texts.clip(usage, MAX_TEXT) : first, blocks);
  }

  /**
   * Returns the answer to pasted text that was read, but not surely: the problem, "I understood:
   * …", and a button that opens the lookup form prefilled with what was read, so the agent confirms
   * rather than retypes. A value too long for a button leaves the button out.
   *
   * @param formValue the button's value, which the handler of {@link ActionId#OPEN_FORM} reads
   */
  public static SlackMessage offerForm(String problem, String understood, String formValue) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String first = "⚠️ " + Texts.clip(problem, MAX_TEXT);
    blocks.add(SlackBlocks.mrkdwnSection(Mrkdwn.escape(first, MAX_TEXT)));
    if (Texts.present(understood)) {
      blocks.add(SlackBlocks.notes(List.of("I understood: " + understood)));
    }
    if (formValue.length() <= BlockKitLimits.MAX_BUTTON_VALUE) {
      blocks.add(
          actions(
              List.of(
                  button(
                      b ->
                          b.text(plainText("Check it in the form"))
                              .actionId(ActionId.OPEN_FORM.id())
                              .style("primary")
                              .value(formValue)))));
    }
    return message(first, blocks);
  }

  /** Returns help with the usage alone. */
  public static SlackMessage help(String usage) {
    return help("", "", usage);
  }

  /**
   * Returns the answer when the backend is too busy for a new lookup to finish in time: how long it
   * would likely take, against how long the bot waits.
   */
  public static SlackMessage busy(Duration likely, Duration allowed) {
    String line =
        "⏳ The trace backend is busy: a lookup now would likely take about "
            + DurationFormat.brief(likely)
            + ", longer than the "
            + DurationFormat.brief(allowed)
            + " I wait for an answer. Try again in a minute.";
    return message(line, List.of(SlackBlocks.mrkdwnSection(line)));
  }

  /** Returns the answer when too many lookups are already running. */
  public static SlackMessage busy() {
    String line = "⏳ I'm busy with other lookups right now, try again in a minute.";
    return message(line, List.of(SlackBlocks.mrkdwnSection(line)));
  }

  /**
   * Returns where a slow lookup stands, which replaces its "Looking up…" once: {@code ⏳ Tempo found
   * 14 traces, reading them (6 of 14)…}.
   */
  public static SlackMessage progress(String where) {
    String line = "⏳ " + Mrkdwn.escape(where, 500);
    return message(line, List.of(SlackBlocks.mrkdwnSection(line)));
  }

  /** Returns {@code between 14:00 and 14:30 UTC (9:00–9:30 AM your time, America/New_York)}. */
  private static String window(Instant from, Instant to, ZoneId agentZone) {
    String utc = TimeFormat.utcBetween(from, to);
    if (TimeFormat.isUtc(agentZone)) {
      return utc;
    }
    return utc
        + " ("
        + TimeFormat.localRange(from, to, agentZone)
        + " your time, "
        + agentZone.getId()
        + ")";
  }

  /** Returns {@code Searched Tempo · 2026-02-06 14:00–14:30 UTC · service checkout}. */
  private static String searched(Instant from, Instant to, String backendName, String filters) {
    List<String> parts = new ArrayList<>();
    parts.add("Searched " + Texts.clip(backendName, MAX_LABEL));
    parts.add(TimeFormat.utcWindow(from, to));
    addIfPresent(parts, "", filters);
    return String.join(" · ", parts);
  }

  private static List<String> warningLines(List<String> warnings) {
    return warnings.stream()
        .limit(MAX_WARNINGS)
        .map(w -> "⚠️ " + Texts.clip(w, MAX_TEXT))
        .collect(Collectors.toList());
  }

  private static String suggestions(ZoneId agentZone, String backendName, String filters) {
    List<String> tips = new ArrayList<>();
    tips.add("*Things to try*");
    tips.add("• Widen the window: add `window 1h` to the command.");
    tips.add("• Check the user ID: it must be the ID our services record on their spans.");
    if (Texts.present(filters)) {
      tips.add("• Drop the filters (" + Texts.clip(filters, MAX_LABEL) + ").");
    }
    String shownIn =
        TimeFormat.isUtc(agentZone) ? "UTC" : "UTC and in your zone (" + agentZone.getId() + ")";
    tips.add(
        "• Check the time zone: the window is shown in "
            + shownIn
            + "; if the customer meant another zone, name it in the command.");
    tips.add(
        "• Wait a minute: new traces can take a minute to reach "
            + Texts.clip(backendName, MAX_LABEL)
            + ".");
    return String.join("\n", tips);
  }

  private static void addIfPresent(List<String> parts, String prefix, String text) {
    if (Texts.present(text)) {
      parts.add(prefix + Texts.clip(text, MAX_TEXT));
    }
  }

  /** Returns the message through a budget, so no argument can push it past Slack's limits. */
  private static SlackMessage message(String fallback, List<LayoutBlock> blocks) {
    BlockBudget budget = BlockBudget.forMessage();
    blocks.forEach(budget::add);
    return new SlackMessage(Mrkdwn.escape(Texts.oneLine(fallback), MAX_TEXT), budget.blocks());
  }
}
