package dev.tracelookup.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatUnfurlRequest;
import com.slack.api.methods.response.chat.ChatUnfurlResponse;
import com.slack.api.model.event.LinkSharedEvent;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.SlackMessage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trace link pasted where the bot is ({@code link_shared}): reads each trace the way "Show trace"
 * does and attaches its error path under the link with {@code chat.unfurl}, in conversations the
 * bot is a member of. The preview is read by the whole channel, so it is a channel copy: every
 * customer ID the trace carries is masked. Access was checked before ({@link AccessGate}); a
 * refused person gets no preview and no message. A backend failure is not posted into the channel
 * either: the link simply stays as Slack shows it.
 */
final class LinkUnfurlHandler implements BoltEventHandler<LinkSharedEvent> {
  private static final Logger log = LoggerFactory.getLogger(LinkUnfurlHandler.class);

  /**
   * Previews per message: each is a backend read, and a message with more is a list, not a link.
   */
  static final int MAX_LINKS = 3;

  private final TraceLinks links;
  private final TraceLookup lookup;
  private final LookupPresenter presenter;
  private final List<String> userAttributes;
  private final LookupJobs jobs;
  private final Audits audits;
  private final MethodsClient bot;

  LinkUnfurlHandler(
      TraceLinks links,
      TraceLookup lookup,
      LookupPresenter presenter,
      List<String> userAttributes,
      LookupJobs jobs,
      Audits audits,
      MethodsClient bot) {
    this.links = links;
    this.lookup = lookup;
    this.presenter = presenter;
    this.userAttributes = List.copyOf(userAttributes);
    this.jobs = jobs;
    this.audits = audits;
    this.bot = bot;
  }

  @Override
  public Response apply(EventsApiPayload<LinkSharedEvent> payload, EventContext ctx) {
    LinkSharedEvent event = payload.getEvent();
    Map<String, String> traces = new LinkedHashMap<>();
    // Slack sends links from conversations the bot is not in too (a DM between people, a link still
    // in the composer): a preview there would show a customer's trace where the bot was never let.
    if (event.isBotUserMember() && event.getLinks() != null) {
      for (LinkSharedEvent.Link link : event.getLinks()) {
        links
            .traceId(link.getUrl())
            .filter(id -> traces.size() < MAX_LINKS)
            .ifPresent(id -> traces.put(link.getUrl(), id));
      }
    }
    if (!traces.isEmpty()) {
      Asker asker = new Asker(event.getUser(), payload.getTeamId(), event.getChannel());
      // A full queue drops the previews: the links still read as links.
      if (!jobs.trySubmit(() -> unfurl(asker, event, traces))) {
        log.warn("link previews skipped: every lookup thread is busy");
      }
    }
    return ctx.ack();
  }

  private void unfurl(Asker asker, LinkSharedEvent event, Map<String, String> traces) {
    Map<String, ChatUnfurlRequest.UnfurlDetail> unfurls = new LinkedHashMap<>();
    traces.forEach(
        (url, traceId) ->
            preview(asker, traceId)
                .ifPresent(
                    message ->
                        unfurls.put(
                            url,
                            ChatUnfurlRequest.UnfurlDetail.builder()
                                .blocks(message.blocks())
                                .build())));
    if (unfurls.isEmpty()) {
      return;
    }
    try {
      ChatUnfurlResponse answer = bot.chatUnfurl(r -> where(r, event).unfurls(unfurls));
      if (!answer.isOk()) {
        log.warn("chat.unfurl refused the previews: {}", answer.getError());
      }
    } catch (IOException | SlackApiException failed) {
      log.warn("chat.unfurl failed: {}", failed.getMessage());
    }
  }

  private Optional<SlackMessage> preview(Asker asker, String traceId) {
    TraceLookup.SharedTrace shared = lookup.sharedTrace(traceId, userAttributes);
    Audits.Audited audited =
        audits.unfurl(asker, traceId, shared.customerIds().stream().findFirst(), shared.result());
    if (audited.withholds()) {
      return Optional.empty();
    }
    return presenter.presentPreview(shared, traceId, lookup.backendName());
  }

  /**
   * A link still in the message composer has no message yet: Slack names it by {@code unfurl_id}
   * and {@code source}; a posted one by channel and ts.
   */
  private static ChatUnfurlRequest.ChatUnfurlRequestBuilder where(
      ChatUnfurlRequest.ChatUnfurlRequestBuilder request, LinkSharedEvent event) {
    boolean composer = "composer".equals(event.getSource()) && event.getUnfurlId() != null;
    return composer
        ? request.unfurlId(event.getUnfurlId()).source(event.getSource())
        : request.channel(event.getChannel()).ts(event.getMessageTs());
  }
}
