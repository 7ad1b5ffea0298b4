package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TempoTraceUrlTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FakeTempo tempo;

  TempoTraceUrlTest() throws Exception {
    tempo = new FakeTempo();
  }

  @AfterEach
  void stop() throws Exception {
    tempo.close();
  }

  private TempoBackend linkingTo(String grafana) {
    TempoOptions options =
        TempoOptions.defaults().withGrafana(URI.create(grafana), "P214B5B846CF3925F", 3);
    return tempo.backend(options, CLOCK, new ArrayList<>());
  }

  /** Splits the link into its path and its decoded query parameters. */
  private static Map<String, String> parameters(String link) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : URI.create(link).getRawQuery().split("&")) {
      String[] nameAndValue = pair.split("=", 2);
      parameters.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
    }
    return parameters;
  }

  @Test
  void traceUrl_withSpan_opensExploreOnTheTraceFocusedOnTheSpan() throws Exception {
    String link =
        linkingTo("https://grafana.example.com")
            .traceUrl(TRACE_ID, Optional.of("00f067aa0ba902b7"))
            .orElseThrow();

    assertThat(link).startsWith("https://grafana.example.com/explore?");
    Map<String, String> parameters = parameters(link);
    assertThat(parameters)
        .containsOnlyKeys("schemaVersion", "orgId", "panes")
        .containsEntry("schemaVersion", "1")
        .containsEntry("orgId", "3");
    assertThat(MAPPER.readTree(parameters.get("panes")))
        .isEqualTo(
            MAPPER.readTree(
                """
                {"tl1":{"datasource":"P214B5B846CF3925F",
                  "queries":[{"refId":"A","datasource":{"type":"tempo","uid":"P214B5B846CF3925F"},
                              "queryType":"traceql","query":"4bf92f3577b34da6a3ce929d0e0e4736"}],
                  "range":{"from":"now-7d","to":"now"},
                  "panelsState":{"trace":{"spanId":"00f067aa0ba902b7"}}}}
                """));
  }

  @Test
  void traceUrl_withoutSpan_hasNoPanelsState() throws Exception {
    String link =
        linkingTo("https://grafana.example.com").traceUrl(TRACE_ID, Optional.empty()).orElseThrow();

    JsonNode pane = MAPPER.readTree(parameters(link).get("panes")).get(ExploreLink.PANE_KEY);
    assertThat(pane.has("panelsState")).isFalse();
    assertThat(pane.get("queries").get(0).get("query").asText()).isEqualTo(TRACE_ID);
  }

  @Test
  void traceUrl_paneKey_isOneGrafanaKeepsRatherThanReplaces() {
    // public/app/features/explore/hooks/useStateSync/migrators/v1.ts with ID_ALPHABET of
    // app/core/utils/explore.ts
    assertThat(ExploreLink.PANE_KEY).matches("[0-9a-z]{3}").doesNotMatch("\\d+");
  }

  @Test
  void traceUrl_grafanaUnderASubPathWithTrailingSlash_keepsThePathOnce() {
    String link =
        linkingTo("https://example.com/grafana/")
            .traceUrl(TRACE_ID, Optional.empty())
            .orElseThrow();

    assertThat(link)
        .startsWith("https://example.com/grafana/explore?schemaVersion=1&orgId=3&panes=");
  }

  @Test
  void traceUrl_idsInOtherForms_areNormalisedAndBadSpanIdsDropped() throws Exception {
    TempoBackend backend = linkingTo("https://grafana.example.com");

    String link = backend.traceUrl("ABC", Optional.of("not a span id")).orElseThrow();

    JsonNode pane = MAPPER.readTree(parameters(link).get("panes")).get(ExploreLink.PANE_KEY);
    assertThat(pane.get("queries").get(0).get("query").asText())
        .isEqualTo("00000000000000000000000000000abc");
    assertThat(pane.has("panelsState")).isFalse();
    assertThat(backend.traceUrl("no trace id", Optional.empty())).isEmpty();
  }

  @Test
  void traceUrl_noGrafanaConfigured_isEmpty() {
    TempoBackend backend = tempo.backend(TempoOptions.defaults(), CLOCK, new ArrayList<>());

    assertThat(backend.traceUrl(TRACE_ID, Optional.of("00f067aa0ba902b7"))).isEmpty();
  }

  @Test
  void displayName_isTheEndpointName() {
    assertThat(tempo.backend(TempoOptions.defaults(), CLOCK, new ArrayList<>()).displayName())
        .isEqualTo("Tempo");
  }
}
