package dev.tracelookup.tickets.jira;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Jira and Jira Service Management URL forms that name one issue. Keys are matched exactly as
 * Jira writes them (upper-case project, then a number), so {@code /browse/abc-1} and a bare {@code
 * /browse/} are not issues.
 */
public final class JiraUrls {
  private static final String KEY = "([A-Z][A-Z0-9_]+-[1-9][0-9]{0,9})";
  private static final Pattern KEY_ONLY = Pattern.compile(KEY);

  /** Data Center may run under a context path such as {@code /jira}. */
  private static final String CONTEXT = "(?:/[A-Za-z0-9._-]+)?";

  private static final List<Pattern> PATHS =
      List.of(
          Pattern.compile(CONTEXT + "/browse/" + KEY + "/?"),
          Pattern.compile(CONTEXT + "/servicedesk/customer/portals?/[0-9]+/" + KEY + "(?:/.*)?"),
          Pattern.compile(
              "/jira/(?:servicedesk|software(?:/c)?|core)/projects/[A-Z][A-Z0-9_]+"
                  + "/(?:queues/(?:custom|system)/[0-9]+|issues)/"
                  + KEY
                  + "/?"),
          Pattern.compile(CONTEXT + "/rest/api/(?:2|3|latest)/issue/" + KEY + "/?"),
          Pattern.compile(CONTEXT + "/rest/servicedeskapi/request/" + KEY + "/?"));

  private JiraUrls() {}

  /** Returns the issue key a Jira path and raw query name, if they name one. */
  public static Optional<String> key(String path, String rawQuery) {
    for (Pattern form : PATHS) {
      Matcher matcher = form.matcher(path);
      if (matcher.matches()) {
        return Optional.of(matcher.group(1));
      }
    }
    return selectedIssue(rawQuery);
  }

  /** Boards and backlogs open an issue in a side panel: {@code ?selectedIssue=ABC-12}. */
  private static Optional<String> selectedIssue(String rawQuery) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String parameter : rawQuery.split("&")) {
      if (parameter.startsWith("selectedIssue=")) {
        String value = parameter.substring("selectedIssue=".length());
        return KEY_ONLY.matcher(value).matches() ? Optional.of(value) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
