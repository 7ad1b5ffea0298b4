package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.otlpfile.SpanJson.line;
import static dev.tracelookup.backend.otlpfile.SpanJson.resource;
import static dev.tracelookup.backend.otlpfile.SpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.trace.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class IndexBuilderTest {
  private static final String FIRST = "0000000000000000a3ce929d0e0e4736";
  private static final String SECOND = "0000000000000000b3ce929d0e0e4736";

  @Test
  void build_sameNamesInTwoTraces_holdsOneLowerCasedInstanceOfEach() throws OtlpFormatException {
    IndexBuilder builder = new IndexBuilder(List.of("user.id"));
    builder.addLine(new LineRef(Path.of("a.jsonl"), 0, 1), spans(line(
        resource("Order-Svc", Map.of(), span(FIRST, "00f067aa0ba902b7").name("GET /Orders")),
        resource("Order-Svc", Map.of(), span(SECOND, "10f067aa0ba902b7").name("GET /Orders")))));

    TraceIndex index = builder.build();

    IndexedTrace first = index.tracesById().get(FIRST);
    IndexedTrace second = index.tracesById().get(SECOND);
    assertThat(first.spanNames()).containsExactly("get /orders");
    assertThat(first.spanNames().iterator().next()).isSameAs(second.spanNames().iterator().next());
    assertThat(first.services().iterator().next()).isSameAs(second.services().iterator().next());
  }

  private static List<Span> spans(String line) throws OtlpFormatException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    List<Span> spans = new ArrayList<>();
    new OtlpJsonReader(Set.of("user.id")).read(bytes, 0, bytes.length, spans::add);
    return spans;
  }
}
