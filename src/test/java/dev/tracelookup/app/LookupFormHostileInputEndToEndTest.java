package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.testing.JsonMutations;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The "Find traces" form's submission, as Slack would sign and send it, with hostile field values
 * (missing, wrong types, oversized, unicode and control characters) and tampered {@code
 * private_metadata}: through the real server, every one is answered with 200 and either an empty
 * ack (the lookup runs) or {@code response_action: errors} beside a field. Never a 500.
 */
final class LookupFormHostileInputEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BLOCKS = List.of("user", "when", "zone", "service");
  private static Path dir;
  private static SignedSlackBot bot;
  private static String metadata;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("lookup-form-fuzz");
    bot = new SignedSlackBot(dir, "");
    bot.slackApi().zone("U0AGENT", "UTC");
    metadata =
        "{\"c\":\"C0SUPPORT\",\"r\":\""
            + bot.slackApi().responseUrl("form")
            + "\",\"k\":\"Zendesk #4512\"}";
  }

  @AfterContainer
  static void stop() throws Exception {
    bot.close();
  }

  @Property(tries = 200)
  void submit_hostileFieldsOrMetadata_answersWithAnAckOrErrorsBesideAField(
      @ForAll("fieldMaps") Map<String, JsonNode> fields,
      @ForAll("metadatas") JsonNode privateMetadata)
      throws Exception {
    HttpResponse<String> ack = bot.postPayload(submission(fields, privateMetadata).toString());

    assertThat(ack.statusCode()).isEqualTo(200);
    if (!ack.body().isEmpty()) {
      JsonNode answer = JSON.readTree(ack.body());
      assertThat(answer.path("response_action").asText()).isEqualTo("errors");
      answer
          .path("errors")
          .fields()
          .forEachRemaining(
              error -> {
                assertThat(BLOCKS).contains(error.getKey());
                assertThat(error.getValue().asText()).isNotBlank().doesNotContain("Exception");
              });
    }
  }

  @Provide
  Arbitrary<Map<String, JsonNode>> fieldMaps() {
    return Combinators.combine(
            field("usr_k8x9m2"),
            field("2026-02-06 14:00-14:30"),
            field("UTC"),
            field("payment-svc"))
        .as(
            (user, when, zone, service) ->
                Map.of("user", user, "when", when, "zone", zone, "service", service));
  }

  @Provide
  Arbitrary<JsonNode> metadatas() {
    return Arbitraries.oneOf(
        Arbitraries.just(metadata).map(JSON.getNodeFactory()::textNode),
        JsonMutations.of(metadata).map(JSON.getNodeFactory()::textNode),
        Arbitraries.strings().ofMaxLength(50).map(JSON.getNodeFactory()::textNode),
        Arbitraries.of(JSON.getNodeFactory().nullNode(), JSON.getNodeFactory().numberNode(7)));
  }

  /** A block's state: the valid value, hostile text, the wrong JSON type, or missing parts. */
  private static Arbitrary<JsonNode> field(String valid) {
    Arbitrary<JsonNode> text =
        Arbitraries.oneOf(
                Arbitraries.just(valid),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings()
                    .withChars("\u0000\u0007\n\"`<>@|&é😀\u202e")
                    .ofMaxLength(20)
                    .map(valid::concat),
                Arbitraries.integers().between(2_000, 100_000).map("9"::repeat),
                Arbitraries.of(
                    "<@U0OTHER>",
                    "<mailto:a@b.c|a@b.c>",
                    "`usr_1`",
                    "\"usr_1\"",
                    "usr_1 2pm service x",
                    "Mars/Base",
                    "+99:00",
                    "2026-02-30",
                    "window=9999h"))
            .map(JSON.getNodeFactory()::textNode);
    Arbitrary<JsonNode> wrongType =
        Arbitraries.of(
            JSON.getNodeFactory().numberNode(42),
            JSON.getNodeFactory().booleanNode(true),
            JSON.getNodeFactory().nullNode());
    Arbitrary<JsonNode> input =
        Arbitraries.oneOf(text, wrongType)
            .map(
                value -> {
                  ObjectNode element = JSON.createObjectNode().put("type", "plain_text_input");
                  element.set("value", value);
                  return JSON.createObjectNode().set("value", element);
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, input),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(JSON.createObjectNode())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(JSON.getNodeFactory().missingNode())));
  }

  private static ObjectNode submission(Map<String, JsonNode> fields, JsonNode privateMetadata) {
    ObjectNode values = JSON.createObjectNode();
    fields.forEach(
        (block, state) -> {
          if (!state.isMissingNode()) {
            values.set(block, state);
          }
        });
    ObjectNode view =
        JSON.createObjectNode()
            .put("id", "V0FORM")
            .put("type", "modal")
            .put("callback_id", "find_traces_form")
            .put("hash", "h2");
    view.set("private_metadata", privateMetadata);
    view.set("state", JSON.createObjectNode().set("values", values));
    ObjectNode payload =
        JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A0001");
    payload.set("team", JSON.createObjectNode().put("id", "T0001"));
    payload.set("user", JSON.createObjectNode().put("id", "U0AGENT").put("team_id", "T0001"));
    payload.set("view", view);
    return payload;
  }
}
