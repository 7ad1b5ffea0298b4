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
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The "Draft customer reply" modal: opened at once with a placeholder (the trigger expires in 3 s),
 * then updated with the draft in an editable box the agent copies from.
 */
public final class ReplyModal {
  public static final String CALLBACK_ID = "customer_reply";
  public static final String REPLY_BLOCK = "reply";
  // plain_text_input holds at most 3000 characters.
  private static final int MAX_REPLY = 3_000;

  private ReplyModal() {}

  /** Returns the modal shown while the draft is written. */
  public static View drafting() {
    return modal(
        List.of(section(s -> s.text(markdownText("Drafting the reply from the trace…")))), false);
  }

  /**
   * Returns where a draft came from: {@code Written from trace 4bf92f35… and INC-4521, with times
   * in Europe/London}, the trace named as the cards name it.
   */
  public static String source(String traceId, Optional<String> incidentId, ZoneId zone) {
    return "Written from trace "
        + Texts.shortId(traceId)
        + incidentId.map(id -> " and " + id).orElse("")
        + ", with times in "
        + zone.getId();
  }

  /**
   * Returns the modal with the draft.
   *
   * @param source where the draft came from, e.g. "Written from trace 4bf92f35… and INC-4521"
   */
  public static View draft(String reply, String source) {
    String initial = reply.length() > MAX_REPLY ? reply.substring(0, MAX_REPLY) : reply;
    return modal(
        List.of(
            context(
                List.of(
                    markdownText(
                        Mrkdwn.escape(source, 500)
                            + ". Edit it, then copy it into the ticket: nothing is sent to the"
                            + " customer from here."))),
            input(
                i ->
                    i.blockId(REPLY_BLOCK)
                        .label(plainText("Reply to the customer"))
                        .element(
                            plainTextInput(
                                p ->
                                    p.actionId("text")
                                        .multiline(true)
                                        .initialValue(initial)
                                        .maxLength(MAX_REPLY))))),
        true);
  }

  /** Returns the modal saying why no draft could be written. */
  public static View failed(String problem) {
    return modal(
        List.of(section(s -> s.text(markdownText("⚠️ " + Mrkdwn.escape(problem, 2_000))))), false);
  }

  private static View modal(List<LayoutBlock> blocks, boolean submit) {
    return view(
        v -> {
          v.type("modal")
              .callbackId(CALLBACK_ID)
              .title(viewTitle(t -> t.type("plain_text").text("Customer reply")))
              .close(viewClose(c -> c.type("plain_text").text(submit ? "Cancel" : "Close")))
              .blocks(blocks);
          if (submit) {
            v.submit(viewSubmit(s -> s.type("plain_text").text("Done")));
          }
          return v;
        });
  }
}
