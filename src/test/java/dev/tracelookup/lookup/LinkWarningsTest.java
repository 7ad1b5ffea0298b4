package dev.tracelookup.lookup;

import static dev.tracelookup.trace.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.trace.Span;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LinkWarningsTest {
  private static final LinkSearch JAEGER =
      new LinkSearch.Unsupported("Jaeger cannot search by span link.");

  private static List<Span> producers(String... names) {
    return Arrays.stream(names).map(name -> span("2").producer().name(name).build()).toList();
  }

  @Test
  void ofSearches_twoTracesTheBackendCannotSearch_oneWarningNamingAllTheirQueuedWork() {
    Map<String, List<Span>> queued = new LinkedHashMap<>();
    queued.put("a", producers("orders publish"));
    queued.put("b", producers("emails publish", "orders publish"));

    List<String> warnings = LinkWarnings.ofSearches(Map.of("a", JAEGER, "b", JAEGER), queued);

    assertThat(warnings)
        .containsExactly(
            "2 traces queued work (orders publish, emails publish), but work that"
                + " ran in traces of their own is not shown. Jaeger cannot search by span link.");
  }

  @Test
  void ofSearches_foundOrNotAnswered_saysNothing() {
    Map<String, List<Span>> queued =
        Map.of("a", producers("orders publish"), "b", producers("emails publish"));

    assertThat(LinkWarnings.ofSearches(Map.of("a", new LinkSearch.Found(List.of())), queued))
        .isEmpty();
  }

  @Test
  void ofReads_failedReadsWarnAndMissingTracesDoNot() {
    BackendFailure down =
        BackendFailure.of(BackendFailure.Kind.UNREACHABLE, "Tempo", "connection refused");

    assertThat(LinkWarnings.ofReads(List.of(new FetchResult.NotFound("x")))).isEmpty();
    assertThat(
            LinkWarnings.ofReads(
                List.of(new FetchResult.Failed(down), new FetchResult.Failed(down))))
        .hasValue(
            "2 linked traces could not be read, so queued work or the request behind it may be"
                + " missing. "
                + down.userMessage());
  }
}
