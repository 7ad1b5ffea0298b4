package dev.tracelookup.slack;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.links.TicketLinks;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Submit on the "Find traces" form: checks every field (errors go back beside the field, through
 * {@code response_action: errors}, so nothing typed is lost), then closes the modal and runs the
 * lookup, answering where the message was.
 */
final class FormSubmissionHandler implements ViewSubmissionHandler {
  private final LookupRequestParser parser;
  private final Pattern userIdPattern;
  private final LookupRunner runner;
  private final Optional<TicketLinks> links;

  FormSubmissionHandler(LookupRequestParser parser, Pattern userIdPattern, LookupRunner runner) {
    this(parser, userIdPattern, runner, Optional.empty());
  }

  /**
   * @param links reads the ticket link the form was opened from, so its card can offer "Add note to
   *     ticket"
   */
  FormSubmissionHandler(
      LookupRequestParser parser,
      Pattern userIdPattern,
      LookupRunner runner,
      Optional<TicketLinks> links) {
    this.parser = parser;
    this.userIdPattern = userIdPattern;
    this.runner = runner;
    this.links = links;
  }

  @Override
  public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    Map<String, Map<String, ViewState.Value>> values =
        request.getPayload().getView().getState().getValues();
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> userId = LookupModal.value(values, LookupModal.USER_BLOCK);
    if (userId.isEmpty() || !userIdPattern.matcher(userId.get()).matches()) {
      errors.put(
          LookupModal.USER_BLOCK,
          "Type the customer's product user ID (letters, digits and _ . : @ + - only).");
    }
    Optional<ZoneId> zone = zone(LookupModal.value(values, LookupModal.ZONE_BLOCK));
    if (zone.isEmpty()) {
      errors.put(LookupModal.ZONE_BLOCK, "Use " + LookupRequestParser.ZONE_EXAMPLES + ".");
    }
    Optional<LookupRequest> lookup = Optional.empty();
    if (errors.isEmpty()) {
      String text =
          userId.get()
              + " "
              + LookupModal.value(values, LookupModal.WHEN_BLOCK).orElse("")
              + LookupModal.value(values, LookupModal.SERVICE_BLOCK)
                  .map(s -> " service " + s)
                  .orElse("");
      ParseResult parsed = parser.parse(text, zone.get());
      if (parsed instanceof ParseResult.Parsed valid) {
        lookup = Optional.of(valid.request());
      } else {
        errors.put(
            LookupModal.WHEN_BLOCK,
            parsed instanceof ParseResult.Invalid invalid
                ? invalid.problem()
                : "Type a time such as 2:15pm or a range such as 14:00-14:30.");
      }
    }
    Optional<FormContext> context =
        FormContext.decode(request.getPayload().getView().getPrivateMetadata());
    if (!errors.isEmpty() || context.isEmpty()) {
      if (context.isEmpty()) {
        errors.put(
            LookupModal.USER_BLOCK,
            "This form lost track of where to answer. Close it and run Find traces again.");
      }
      return ctx.ack(r -> r.responseAction("errors").errors(errors));
    }
    var payload = request.getPayload();
    Asker asker = Asker.of(payload, context.get().channelId());
    Optional<TicketLink> ticket =
        context.get().ticketUrl().flatMap(url -> links.flatMap(known -> known.parse(url)));
    if (!runner.submitFormLookup(asker, lookup.get(), zone.get(), context.get(), ticket)) {
      return ctx.ack(
          r ->
              r.responseAction("errors")
                  .errors(
                      Map.of(
                          LookupModal.USER_BLOCK,
                          "The bot is busy right now. Try again in a minute.")));
    }
    return ctx.ack();
  }

  /** Reads the zone as the slash command reads it after {@code tz}, so "EST" works in both. */
  private static Optional<ZoneId> zone(Optional<String> text) {
    return text.flatMap(LookupRequestParser::zone);
  }
}
