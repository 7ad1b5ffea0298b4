package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The "Find traces" confirmation modal: what was read from the ticket, each value with where it
 * came from, editable before the lookup runs. Opened at once with a placeholder (the trigger
 * expires in 3 s) and filled in when the ticket is resolved.
 */
public final class LookupModal {
  public static final String CALLBACK_ID = "find_traces_form";
  public static final String USER_BLOCK = "user";
  public static final String WHEN_BLOCK = "when";
  public static final String ZONE_BLOCK = "zone";
  public static final String SERVICE_BLOCK = "service";
  public static final String INPUT = "value";
  private static final int MAX_HINT = 150;
  private static final int MAX_METADATA = 3_000;

  private LookupModal() {}

  /**
   * What the form starts with.
   *
   * @param note shown above the inputs: what was read, or what could not be ("no user ID in the
   *     ticket")
   */
  public record Prefill(
      String userId,
      String userIdSource,
      String when,
      String whenSource,
      String zone,
      String zoneSource,
      String note) {
    public Prefill {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(zone, "zone");
      userIdSource = userIdSource == null ? "" : userIdSource;
      whenSource = whenSource == null ? "" : whenSource;
      zoneSource = zoneSource == null ? "" : zoneSource;
      note = note == null ? "" : note;
    }
  }

  /** Returns the placeholder shown while the ticket is read. */
  public static View resolving(String reference) {
    return modal(
        List.of(
            section(s -> s.text(markdownText("Reading " + Mrkdwn.escape(reference, 200) + "…")))),
        "",
        false);
  }

  /**
   * Returns the form, prefilled with what the ticket said; {@code privateMetadata} comes back on
   * submit.
   */
  public static View form(Prefill prefill, String privateMetadata) {
    if (privateMetadata.length() > MAX_METADATA) {
      throw new IllegalArgumentException("private_metadata over 3000 characters");
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!prefill.note().isEmpty()) {
      blocks.add(context(List.of(markdownText(Mrkdwn.escape(prefill.note(), 1_000)))));
    }
    blocks.add(
        field(USER_BLOCK, "Customer's user ID", prefill.userId(), prefill.userIdSource(), false));
    blocks.add(
        field(
            WHEN_BLOCK,
            "When",
            prefill.when(),
            hint(
                prefill.whenSource(),
                "A time (2:15pm, 2026-02-06 14:15) or a range (14:00-14:30); add window 30m to"
                    + " widen."),
            false));
    blocks.add(
        field(
            ZONE_BLOCK,
            "Time zone",
            prefill.zone(),
            hint(prefill.zoneSource(), "e.g. America/New_York or UTC"),
            false));
    blocks.add(
        field(SERVICE_BLOCK, "Service (optional)", "", "Only traces touching this service", true));
    return modal(blocks, privateMetadata, true);
  }

  private static String hint(String source, String fallback) {
    return source.isEmpty() ? fallback : source;
  }

  private static LayoutBlock field(
      String blockId, String label, String initial, String hint, boolean optional) {
    return input(
        i ->
            i.blockId(blockId)
                .label(plainText(label))
                .optional(optional)
                .hint(hint.isEmpty() ? null : plainText(Texts.clip(hint, MAX_HINT)))
                .element(
                    plainTextInput(
                        p ->
                            p.actionId(INPUT)
                                .initialValue(
                                    initial.isEmpty() ? null : Texts.clip(initial, 150)))));
  }

  private static View modal(List<LayoutBlock> blocks, String privateMetadata, boolean submit) {
    return view(
        v -> {
          v.type("modal")
              .callbackId(CALLBACK_ID)
              .privateMetadata(privateMetadata)
              .title(viewTitle(t -> t.type("plain_text").text("Find traces")))
              .close(viewClose(c -> c.type("plain_text").text("Cancel")))
              .blocks(blocks);
          if (submit) {
            v.submit(viewSubmit(s -> s.type("plain_text").text("Find traces")));
          }
          return v;
        });
  }

  /** Returns the value of one input of a submitted form, trimmed; empty when not filled in. */
  public static Optional<String> value(
      java.util.Map<String, java.util.Map<String, com.slack.api.model.view.ViewState.Value>> values,
      String blockId) {
    return Optional.ofNullable(values.get(blockId))
        .map(inputs -> inputs.get(INPUT))
        .map(com.slack.api.model.view.ViewState.Value::getValue)
        .map(String::trim)
        .filter(v -> !v.isEmpty());
  }
}
