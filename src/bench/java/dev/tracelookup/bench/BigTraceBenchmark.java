package dev.tracelookup.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceAnalyzer;
import java.io.IOException;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One trace of 1k, 10k and 100k spans: the bot's read, analysis and card against the floor, a bare
 * Jackson token pass over the same bytes. JMH requires the class and its benchmarks to be public.
 */
@State(Scope.Benchmark)
public class BigTraceBenchmark {
  private static final JsonFactory JSON = new JsonFactory();
  private static final OtlpJsonReader READER = new OtlpJsonReader(Set.of("user.id", "enduser.id"));
  private static final CardRenderer RENDERER = new CardRenderer();

  @Param({"1000", "10000", "100000"})
  public int spans;

  private byte[] document;
  private Trace trace;
  private TraceAnalysis analysis;

  @Setup
  public void generate() throws OtlpFormatException {
    document = OtlpTraceJson.of(spans);
    trace = read(document);
    analysis = TraceAnalyzer.analyze(trace);
  }

  /** The floor: every token of the document, and nothing made of it. */
  @Benchmark
  public int jacksonTokens() throws IOException {
    int tokens = 0;
    try (JsonParser parser = JSON.createParser(document)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens++;
      }
    }
    return tokens;
  }

  /** A higher floor: every token, and the text of every name and value, as any reader needs. */
  @Benchmark
  public int jacksonText() throws IOException {
    int chars = 0;
    try (JsonParser parser = JSON.createParser(document)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        chars += token.isStructStart() || token.isStructEnd() ? 0 : parser.getText().length();
      }
    }
    return chars;
  }

  /** What every backend does with a trace document: the spans, as records. */
  @Benchmark
  public Trace read() throws OtlpFormatException {
    return read(document);
  }

  /**
   * The floor of any analysis: each span's IDs, names, times, status and attributes loaded once, in
   * the order they lie in memory, and nothing made of them. Its growth per span from 1k to 100k is
   * what the memory hierarchy alone costs, for comparison with {@link #analyze()}'s.
   */
  @Benchmark
  public long touchSpans() {
    long sum = 0;
    for (Span span : trace.spans()) {
      sum +=
          span.spanId().length()
              + span.parentSpanId().length()
              + span.service().length()
              + span.name().length()
              + span.startEpochNanos()
              + span.durationNanos()
              + span.status().code().ordinal()
              + span.attributes().values().size();
    }
    return sum;
  }

  @Benchmark
  public TraceAnalysis analyze() {
    return TraceAnalyzer.analyze(trace);
  }

  @Benchmark
  public SlackMessage render() {
    return RENDERER.card(Cards.of(analysis));
  }

  /** The whole way from the backend's bytes to the Slack message. */
  @Benchmark
  public SlackMessage readAnalyzeRender() throws OtlpFormatException {
    return RENDERER.card(Cards.of(TraceAnalyzer.analyze(read(document))));
  }

  private static Trace read(byte[] document) throws OtlpFormatException {
    return new Trace(OtlpTraceJson.TRACE_ID, READER.readAll(document));
  }
}
