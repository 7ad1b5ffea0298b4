package dev.tracelookup.backend.tempo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Grafana Explore links that open a trace in the Tempo data source, in Explore's URL schema 1:
 * {@code /explore?schemaVersion=1&orgId=1&panes={"tl1":{..}}}.
 */
final class ExploreLink {
  /**
   * Grafana keeps a pane key only when it is 3 characters of {@code [0-9a-z]}, not all digits; any
   * other key is silently replaced
   * (public/app/features/explore/hooks/useStateSync/migrators/v1.ts).
   */
  static final String PANE_KEY = "tl1";

  /**
   * The data source narrows trace-ID queries by the range only when set up to; a week covers the
   * longest window a Tempo search takes.
   */
  private static final String RANGE_FROM = "now-7d";

  private static final JsonFactory JSON = new JsonFactory();

  private final URI grafana;
  private final String datasourceUid;
  private final long orgId;

  ExploreLink(URI grafana, String datasourceUid, long orgId) {
    this.grafana = grafana;
    this.datasourceUid = datasourceUid;
    this.orgId = orgId;
  }

  /** Returns the link for a normalised trace ID, focused on the span when one is given. */
  String to(String traceId, Optional<String> spanId) {
    String base = grafana.toString();
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return root
        + "/explore?schemaVersion=1&orgId="
        + orgId
        + "&panes="
        + URLEncoder.encode(panes(traceId, spanId), StandardCharsets.UTF_8);
  }

  private String panes(String traceId, Optional<String> spanId) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeObjectFieldStart(PANE_KEY);
      json.writeStringField("datasource", datasourceUid);
      json.writeArrayFieldStart("queries");
      query(json, traceId);
      json.writeEndArray();
      json.writeObjectFieldStart("range");
      json.writeStringField("from", RANGE_FROM);
      json.writeStringField("to", "now");
      json.writeEndObject();
      if (spanId.isPresent()) {
        json.writeObjectFieldStart("panelsState");
        json.writeObjectFieldStart("trace");
        json.writeStringField("spanId", spanId.get());
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException("writing to a string cannot fail", impossible);
    }
    return text.toString();
  }

  private void query(JsonGenerator json, String traceId) throws IOException {
    json.writeStartObject();
    json.writeStringField("refId", "A");
    json.writeObjectFieldStart("datasource");
    json.writeStringField("type", "tempo");
    json.writeStringField("uid", datasourceUid);
    json.writeEndObject();
    json.writeStringField("queryType", "traceql");
    json.writeStringField("query", traceId);
    json.writeEndObject();
  }
}
