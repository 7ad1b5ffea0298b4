package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.json.JsonMappers;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The lookup form offered under an answer to pasted text that was read but not surely: what was
 * read and where the answer goes, carried in the button's value, so any replica opens the same
 * form.
 */
record FormOffer(String userId, String when, String zone, String note, FormContext context) {
  private static final ObjectMapper JSON = JsonMappers.PLAIN;
  private static final int MAX_NOTE = 300;

  /** Returns the answer: the problem, what was understood, and the button that opens the form. */
  static SlackMessage answer(ParseResult.Invalid invalid, ZoneId agentZone, FormContext context) {
    ParseResult.Guess guess = invalid.guess().orElseThrow();
    String note =
        invalid.problem().length() > MAX_NOTE
            ? invalid.problem().substring(0, MAX_NOTE) + "…"
            : invalid.problem();
    FormOffer offer =
        new FormOffer(
            guess.userId(), guess.when(), guess.zone().orElse(agentZone).getId(), note, context);
    return Messages.offerForm(invalid.problem(), invalid.understood(), offer.encode());
  }

  /** Returns the form's starting values. */
  LookupModal.Prefill prefill() {
    return new LookupModal.Prefill(
        userId,
        userId.isEmpty() ? "" : "Read from your message: check it is the customer's",
        when,
        when.isEmpty() ? "" : "Read from your message",
        zone,
        "",
        note);
  }

  String encode() {
    ObjectNode node = JSON.createObjectNode();
    node.put("u", userId);
    node.put("w", when);
    node.put("z", zone);
    node.put("n", note);
    node.put("f", context.encode());
    return node.toString();
  }

  static Optional<FormOffer> decode(String value) {
    try {
      JsonNode node = value == null ? null : JSON.readTree(value);
      if (node == null || !node.path("u").isTextual() || !node.path("z").isTextual()) {
        return Optional.empty();
      }
      return FormContext.decode(node.path("f").asText())
          .map(
              context ->
                  new FormOffer(
                      node.path("u").asText(),
                      node.path("w").asText(""),
                      node.path("z").asText(),
                      node.path("n").asText(""),
                      context));
    } catch (IOException tampered) {
      return Optional.empty();
    }
  }
}
