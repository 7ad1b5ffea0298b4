package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.json.JsonMappers;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the trace ID out of a pasted trace link, for the preview Slack shows under it:
 *
 * <ul>
 *   <li>Grafana Explore on a Tempo data source: {@code /explore?panes={"tl1":{"queries":[{"query":
 *       "<trace ID>",…}]}}} (URL schema 1, Grafana 10 on), or the older {@code left=} query param,
 *       as an object or as the array {@code ["now-1h","now","Tempo",{"query":"<trace ID>"}]};
 *   <li>Jaeger: {@code /trace/<id>}, under any base path;
 *   <li>Zipkin: {@code /zipkin/traces/<id>} and {@code /traces/<id>};
 *   <li>any link with a {@code traceId}, {@code trace_id} or {@code traceID} query param.
 * </ul>
 *
 * Only hosts under the configured domains count (a domain covers its subdomains, as Slack's {@code
 * unfurl_domains} do); with none configured, every link Slack sends counts, Slack sending only
 * those of the manifest's domains.
 */
final class TraceLinks {
  private static final ObjectMapper JSON = JsonMappers.PLAIN;
  private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{16,32}");
  private static final Pattern PATH_ID =
      Pattern.compile("/(?:trace|traces)/([0-9a-fA-F]{8,32})(?:/|$)");
  private static final List<String> ID_PARAMS = List.of("traceid", "trace_id");
  private static final int MAX_URL = 8_000;

  private final List<String> domains;

  /**
   * @param domains the hosts trace links may come from; empty for any
   */
  TraceLinks(List<String> domains) {
    this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
  }

  /** Returns the normalised trace ID the link opens, or empty when it opens none we know. */
  Optional<String> traceId(String url) {
    if (url == null || url.length() > MAX_URL) {
      return Optional.empty();
    }
    URI uri;
    try {
      // Slack HTML-escapes the links of link_shared (python-slack-events-api#49): a=0&amp;b=1.
      uri = new URI(url.trim().replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
    } catch (URISyntaxException notALink) {
      return Optional.empty();
    }
    if (uri.getHost() == null || !allowed(uri.getHost().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    Optional<String> found = Optional.empty();
    if (path.endsWith("/explore")) {
      found = explore(uri.getRawQuery());
    }
    if (found.isEmpty()) {
      Matcher matcher = PATH_ID.matcher(path);
      found = matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
    if (found.isEmpty()) {
      found = param(uri.getRawQuery());
    }
    return found.flatMap(TraceIds::traceId);
  }

  private boolean allowed(String host) {
    return domains.isEmpty()
        || domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
  }

  private static Optional<String> explore(String rawQuery) {
    for (String pair : pairs(rawQuery)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (equals > 0 && (name.equals("panes") || name.equals("left"))) {
        Optional<String> id = query(decode(pair.substring(equals + 1)));
        if (id.isPresent()) {
          return id;
        }
      }
    }
    return Optional.empty();
  }

  /** Returns the first Explore query that is a bare trace ID, found anywhere in the state. */
  private static Optional<String> query(String state) {
    try {
      return find(JSON.readTree(state));
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
  }

  private static Optional<String> find(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject()) {
      JsonNode query = node.get("query");
      if (query != null && query.isTextual() && HEX_ID.matcher(query.asText().trim()).matches()) {
        return Optional.of(query.asText().trim());
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        Optional<String> found = find(child);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> param(String rawQuery) {
    for (String pair : pairs(rawQuery)) {
      int equals = pair.indexOf('=');
      if (equals > 0 && ID_PARAMS.contains(pair.substring(0, equals).toLowerCase(Locale.ROOT))) {
        String value = decode(pair.substring(equals + 1)).trim();
        if (HEX_ID.matcher(value).matches()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> pairs(String rawQuery) {
    return rawQuery == null || rawQuery.isEmpty() ? List.of() : List.of(rawQuery.split("&"));
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }
}
