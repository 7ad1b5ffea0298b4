package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import java.util.ArrayList;
import java.util.List;

/**
 * Which workspaces and organisation a request names, as Slack wrote them into the payload. In a
 * Slack Connect channel a partner's people reach the bot too; their payloads name their own team
 * ({@code user.team_id}, an event's {@code user_team}), which is how they are told apart.
 *
 * @param personTeams the team (T…) or, in an Enterprise organisation, the organisation (E…) the
 *     person belongs to, from every field that names it; empty when the payload names none
 * @param workspace the workspace the request was made in ({@code team.id}, {@code team_id}), or
 *     {@code ""}
 * @param enterprises the organisations (E…) the payload names for the request, if any
 * @param sharedExternally the event comes from a channel shared with another organisation ({@code
 *     is_ext_shared_channel}), so whatever is posted there is read by it
 */
record Origin(
    List<String> personTeams,
    String workspace,
    List<String> enterprises,
    boolean sharedExternally) {
  Origin {
    personTeams = List.copyOf(personTeams);
    workspace = workspace == null ? "" : workspace;
    enterprises = List.copyOf(enterprises);
  }

  /**
   * Returns the person's own team, what the audit log records; the workspace when no field names
   * it.
   */
  String team() {
    return personTeams.isEmpty() ? workspace : personTeams.get(0);
  }

  static Origin of(SlashCommandPayload payload) {
    // A command names only the workspace it was typed in (with its organisation): the person is
    // judged by that, so a sister workspace of the installing organisation counts as home.
    return new Origin(List.of(), payload.getTeamId(), present(payload.getEnterpriseId()), false);
  }

  static Origin of(BlockActionPayload payload) {
    BlockActionPayload.Team team = payload.getTeam();
    return new Origin(
        present(payload.getUser() == null ? null : payload.getUser().getTeamId()),
        team == null ? null : team.getId(),
        present(
            payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
            team == null ? null : team.getEnterpriseId()),
        false);
  }

  static Origin of(MessageShortcutPayload payload) {
    MessageShortcutPayload.Team team = payload.getTeam();
    return new Origin(
        present(payload.getUser() == null ? null : payload.getUser().getTeamId()),
        team == null ? null : team.getId(),
        present(
            payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
            team == null ? null : team.getEnterpriseId()),
        false);
  }

  static Origin of(ViewSubmissionPayload payload) {
    ViewSubmissionPayload.Team team = payload.getTeam();
    return new Origin(
        present(payload.getUser() == null ? null : payload.getUser().getTeamId()),
        team == null ? null : team.getId(),
        present(
            payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
            team == null ? null : team.getEnterpriseId()),
        false);
  }

  /**
   * Reads an Events API callback. The outer {@code team_id} and {@code enterprise_id} name the
   * installation the event is delivered to, not the person: in a shared channel a partner's mention
   * arrives with our team there and theirs in the event's {@code user_team} and {@code team}.
   */
  static Origin ofEvent(JsonNode body) {
    JsonNode event = body.path("event");
    return new Origin(
        present(
            text(event, "user_team"),
            text(event, "team"),
            text(event.path("user_profile"), "team")),
        text(body, "team_id"),
        List.of(),
        body.path("is_ext_shared_channel").asBoolean(false));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  /** Returns the IDs that are there, each once, in order. */
  private static List<String> present(String... ids) {
    List<String> present = new ArrayList<>(ids.length);
    for (String id : ids) {
      if (id != null && !id.isBlank() && !present.contains(id)) {
        present.add(id);
      }
    }
    return present;
  }
}
