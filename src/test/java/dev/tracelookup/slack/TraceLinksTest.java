package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TraceLinksTest {
  private static final String ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private final TraceLinks any = new TraceLinks(List.of());

  private static String encoded(String json) {
    return URLEncoder.encode(json, StandardCharsets.UTF_8);
  }

  @Test
  void traceId_grafanaExploreSchemaOnePanes_readsTheTraceQlQuery() {
    String panes =
        "{\"abc\":{\"datasource\":\"P214B5B846CF3925F\",\"queries\":[{\"refId\":\"A\","
            + "\"datasource\":{\"type\":\"tempo\",\"uid\":\"P214B5B846CF3925F\"},"
            + "\"queryType\":\"traceql\",\"limit\":20,\"query\":\""
            + ID
            + "\"}],\"range\":{\"from\":\"now-1h\",\"to\":\"now\"}}}";

    assertThat(
            any.traceId(
                "https://grafana.acme.com/explore?schemaVersion=1&panes="
                    + encoded(panes)
                    + "&orgId=1"))
        .contains(ID);
  }

  @Test
  void traceId_grafanaExploreOlderLeftArray_readsTheQuery() {
    String left = "[\"now-1h\",\"now\",\"Tempo\",{\"query\":\"" + ID.toUpperCase() + "\"}]";

    assertThat(
            any.traceId("https://grafana.acme.com/grafana/explore?orgId=1&left=" + encoded(left)))
        .contains(ID);
  }

  @Test
  void traceId_linkAsSlackEscapesItInLinkShared_isReadThroughTheEntities() {
    String left = "{\"datasource\":\"tempo\",\"queries\":[{\"query\":\"" + ID + "\"}]}";

    assertThat(any.traceId("https://grafana.acme.com/explore?orgId=1&amp;left=" + encoded(left)))
        .contains(ID);
  }

  @Test
  void traceId_exploreSearchQueryNotATraceId_isNone() {
    String left =
        "{\"datasource\":\"tempo\",\"queries\":[{\"query\":\"{ .user.id = \\\"usr_1\\\" }\"}]}";

    assertThat(any.traceId("https://grafana.acme.com/explore?left=" + encoded(left))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://jaeger.acme.com/trace/" + ID,
        "https://jaeger.acme.com/jaeger/ui/trace/" + ID + "?uiFind=00f067aa0ba902b7",
        "https://zipkin.acme.com/zipkin/traces/" + ID,
        "https://zipkin.acme.com/traces/" + ID,
        "https://tools.acme.com/view?traceId=" + ID,
      })
  void traceId_jaegerZipkinAndQueryParamLinks_readTheId(String url) {
    assertThat(any.traceId(url)).contains(ID);
  }

  @Test
  void traceId_sixtyFourBitZipkinId_isLeftPadded() {
    assertThat(any.traceId("https://zipkin.acme.com/zipkin/traces/a3ce929d0e0e4736"))
        .contains("0000000000000000a3ce929d0e0e4736");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://grafana.acme.com/d/abc/dashboard",
        "https://jaeger.acme.com/search?service=checkout",
        "https://jaeger.acme.com/trace/not-hex",
        "not a url at all",
        "mailto:someone@acme.com",
      })
  void traceId_linksThatOpenNoTrace_areNone(String url) {
    assertThat(any.traceId(url)).isEmpty();
  }

  @Test
  void traceId_configuredDomains_takeTheirSubdomainsAndNothingElse() {
    TraceLinks acme = new TraceLinks(List.of("acme.com"));

    assertThat(acme.traceId("https://jaeger.acme.com/trace/" + ID)).contains(ID);
    assertThat(acme.traceId("https://acme.com/trace/" + ID)).contains(ID);
    assertThat(acme.traceId("https://jaeger.notacme.com/trace/" + ID)).isEqualTo(Optional.empty());
  }
}
