package dev.tracelookup.lookup;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.tracelookup.privacy.CustomerIds;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.trace.AnalysisTexts;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a channel may read of a lookup: every copy posted where others read it (Share in channel,
 * Post to thread, the answer to a mention) names the customer by fingerprint, and carries neither
 * the ID the agent typed nor the hash services store in its place, in any text.
 *
 * <p>Two layers, because analyses are cached and shared between audiences:
 *
 * <ol>
 *   <li>Before rendering, each card's analysis is copied with the ID masked in every free text
 *       ({@link AnalysisTexts}), and exception messages left out unless configured. Masking before
 *       rendering matters: renderers clip long names, and a clipped ID would no longer be
 *       recognisable afterwards.
 *   <li>After rendering, {@link Copy#guarded} reads every string of the message Slack would get
 *       (fallback text, block texts, button values, URLs) and masks any occurrence left. A future
 *       renderer that takes text from somewhere new is caught here, and the miss is logged.
 * </ol>
 */
public final class ChannelCopies {
  private static final Logger log = LoggerFactory.getLogger(ChannelCopies.class);
  private static final Gson GSON = GsonFactory.createSnakeCase();

  private final UserIdFingerprint fingerprints;
  private final UserIdHasher hasher;
  private final boolean exceptionMessages;

  /**
   * @param fingerprints how the customer is named instead
   * @param hasher how services store the ID, so that its stored form is masked too
   * @param exceptionMessages whether shared copies keep exception messages ({@code
   *     privacy.shared-exception-messages}); the exception's type always stays
   */
  public ChannelCopies(
      UserIdFingerprint fingerprints, UserIdHasher hasher, boolean exceptionMessages) {
    this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.exceptionMessages = exceptionMessages;
  }

  /**
   * Returns channel copies under a random fingerprint key, without exception messages (tests, CLI).
   */
  static ChannelCopies withRandomKey() {
    return new ChannelCopies(UserIdFingerprint.randomKey(), UserIdHasher.identity(), false);
  }

  /** Returns the fingerprint naming the customer where the raw ID may not go. */
  String fingerprint(String userId) {
    return fingerprints.of(userId);
  }

  /** Returns the copy of one lookup's answer. */
  Copy of(LookupRequest request) {
    return new Copy(
        fingerprints.of(request.userId()), List.of(CustomerIds.of(request.userId(), hasher)));
  }

  /**
   * Returns the copy of a trace found by its ID, whose customers are known only from what its spans
   * carry (the values of the user attributes, as stored: raw or hashed), each masked as it stands.
   */
  Copy ofTrace(String traceId, Collection<String> storedIds) {
    List<CustomerIds> ids =
        storedIds.stream()
            .filter(id -> !id.isBlank())
            .map(id -> CustomerIds.of(id, UserIdHasher.identity()))
            .collect(Collectors.toList());
    return new Copy("trace " + traceId, ids);
  }

  /** One lookup's answer, as a channel may read it. */
  final class Copy {
    private final String named;
    private final List<CustomerIds> ids;

    /**
     * @param named how the customer is named: their fingerprint, or for a trace found by ID, the
     *     trace, which is what logs may say of it
     */
    private Copy(String named, List<CustomerIds> ids) {
      this.named = named;
      this.ids = List.copyOf(ids);
    }

    /** Returns how the card names the customer: {@code customer u:…}. */
    String label() {
      return "customer " + named;
    }

    /** Returns the text with the ID masked. */
    String text(String text) {
      String masked = text;
      for (CustomerIds id : ids) {
        masked = id.mask(masked);
      }
      return masked;
    }

    private boolean appearIn(String text) {
      return ids.stream().anyMatch(id -> id.appearIn(text));
    }

    /** Returns the texts with the ID masked. */
    List<String> texts(List<String> texts) {
      return texts.stream().map(this::text).collect(Collectors.toList());
    }

    /** Returns the card with the ID masked everywhere; a UI link that holds the ID is dropped. */
    TraceCard card(TraceCard card) {
      return new TraceCard(
          AnalysisTexts.rewrite(card.analysis(), this::text, exceptionMessages),
          card.uiUrl().filter(url -> !appearIn(url)));
    }

    /** Returns the outcome as a channel may read it. */
    LookupOutcome outcome(LookupOutcome outcome) {
      if (outcome instanceof LookupOutcome.Found found) {
        return new LookupOutcome.Found(
            found.request(),
            found.traces().stream().map(this::card).collect(Collectors.toList()),
            found.totalMatched(),
            texts(found.warnings()),
            found.fromCache(),
            found.page());
      }
      if (outcome instanceof LookupOutcome.NoTraces noTraces) {
        return new LookupOutcome.NoTraces(outcome.request(), texts(noTraces.warnings()));
      }
      return outcome;
    }

    /**
     * Returns the message with the ID masked in every string Slack would receive. Nothing should be
     * left by now; when something is, it is masked here and logged (without the ID) so the renderer
     * that let it through gets fixed.
     */
    SlackMessage guarded(SlackMessage message) {
      JsonObject json = JsonParser.parseString(message.toJson()).getAsJsonObject();
      if (!holdsId(json)) {
        return message;
      }
      log.warn(
          "a channel-visible answer still held the customer's ID after the analysis was masked;"
              + " masked it in the rendered message ({})",
          named);
      JsonObject masked = masked(json).getAsJsonObject();
      JsonArray blocks = masked.has("blocks") ? masked.getAsJsonArray("blocks") : new JsonArray();
      LayoutBlock[] parsed = GSON.fromJson(blocks, LayoutBlock[].class);
      return new SlackMessage(masked.get("text").getAsString(), Arrays.asList(parsed));
    }

    private boolean holdsId(JsonElement element) {
      if (element.isJsonPrimitive()) {
        return element.getAsJsonPrimitive().isString() && appearIn(element.getAsString());
      }
      if (element.isJsonArray()) {
        for (JsonElement item : element.getAsJsonArray()) {
          if (holdsId(item)) {
            return true;
          }
        }
        return false;
      }
      if (element.isJsonObject()) {
        for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
          if (holdsId(member.getValue())) {
            return true;
          }
        }
      }
      return false;
    }

    private JsonElement masked(JsonElement element) {
      if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
        return new JsonPrimitive(text(element.getAsString()));
      }
      if (element.isJsonArray()) {
        JsonArray array = new JsonArray();
        element.getAsJsonArray().forEach(item -> array.add(masked(item)));
        return array;
      }
      if (element.isJsonObject()) {
        JsonObject object = new JsonObject();
        element
            .getAsJsonObject()
            .entrySet()
            .forEach(member -> object.add(member.getKey(), masked(member.getValue())));
        return object;
      }
      return element;
    }
  }
}
