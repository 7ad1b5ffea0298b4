package dev.tracelookup.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.jaeger.JaegerBackend;
import dev.tracelookup.backend.jaeger.JaegerOptions;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.backend.zipkin.ZipkinBackend;
import dev.tracelookup.backend.zipkin.ZipkinOptions;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.shapes.TraceShapes.TraceShape;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's real readers, serving the trace-shape fixtures: the file backend over a directory
 * of the shapes' OTLP documents (one JSON line each, as the Collector's file exporter writes them),
 * and the Jaeger v1 and Zipkin backends against a local HTTP server answering {@code
 * /api/traces/{id}} and {@code /api/v2/trace/{id}} with the shapes' fixtures.
 */
final class ShapeBackends implements AutoCloseable {
  static final List<String> USER_KEYS = List.of("user.id", "enduser.id");
  static final List<String> FORMATS = List.of("otlp", "jaeger", "zipkin");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JAEGER_PATH = "/api/traces/";
  private static final String ZIPKIN_PATH = "/api/v2/trace/";
  private static final String JAEGER_NOT_FOUND =
      "{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":404,\"msg\":\"trace"
          + " not found\"}]}";

  private final FakeHttpServer server;
  final OtlpFileBackend files;
  final TraceBackend jaeger;
  final TraceBackend zipkin;

  private ShapeBackends(FakeHttpServer server, OtlpFileBackend files) {
    this.server = server;
    this.files = files;
    this.jaeger =
        new JaegerBackend(
            http("Jaeger", server),
            USER_KEYS,
            new JaegerOptions(JaegerOptions.Api.V1, List.of("frontend"), Optional.empty()));
    this.zipkin = new ZipkinBackend(http("Zipkin", server), USER_KEYS, ZipkinOptions.defaults());
  }

  /**
   * Serves every fixture of the shapes; the OTLP ones are written as JSON lines into the directory.
   */
  static ShapeBackends serving(List<TraceShape> shapes, Path directory) throws Exception {
    Map<String, String> jaegerTraces = new HashMap<>();
    Map<String, String> zipkinTraces = new HashMap<>();
    for (TraceShape shape : shapes) {
      for (String file : files(shape)) {
        String body = new String(bytes(shape, file), StandardCharsets.UTF_8);
        String traceId = file.contains("-linked") ? shape.linkedTraceId() : shape.traceId();
        if (file.startsWith("jaeger")) {
          jaegerTraces.put(traceId, body);
        } else if (file.startsWith("zipkin")) {
          zipkinTraces.put(traceId, body);
        } else {
          // The file exporter writes one document per line; the fixtures are pretty-printed.
          Files.writeString(
              directory.resolve(shape.dir() + "-" + file.replace(".json", ".jsonl")),
              JSON.readTree(body).toString() + "\n");
        }
      }
    }
    FakeHttpServer server =
        new FakeHttpServer(request -> answer(request, jaegerTraces, zipkinTraces));
    return new ShapeBackends(
        server, OtlpFileBackend.open(directory, USER_KEYS, Optional.empty(), "trace shapes"));
  }

  /** Fetches a trace by ID; fails the test unless the backend found it. */
  static Trace fetch(TraceBackend backend, String traceId) {
    FetchResult result = backend.fetch(traceId);
    if (!(result instanceof FetchResult.Fetched fetched)) {
      throw new AssertionError(backend.displayName() + " did not fetch " + traceId + ": " + result);
    }
    return fetched.trace();
  }

  /** Reads one OTLP fixture with the OTLP JSON reader alone. */
  static List<Span> readOtlp(TraceShape shape, String file) {
    try {
      return new OtlpJsonReader(Set.copyOf(USER_KEYS)).readAll(bytes(shape, file));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(shape.resource(file), unreadable);
    }
  }

  /** Returns the fixture files the shape declares, main trace before linked trace per format. */
  static List<String> files(TraceShape shape) {
    return FORMATS.stream()
        .filter(shape.formats()::contains)
        .flatMap(
            format ->
                shape.linked()
                    ? List.of(format + ".json", format + "-linked.json").stream()
                    : List.of(format + ".json").stream())
        .toList();
  }

  static JsonNode tree(TraceShape shape, String file) {
    try {
      return JSON.readTree(bytes(shape, file));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(shape.resource(file), unreadable);
    }
  }

  static boolean exists(TraceShape shape, String file) {
    return ShapeBackends.class.getResource(shape.resource(file)) != null;
  }

  static byte[] bytes(TraceShape shape, String file) {
    try (InputStream in = ShapeBackends.class.getResourceAsStream(shape.resource(file))) {
      if (in == null) {
        throw new AssertionError("missing fixture " + shape.resource(file));
      }
      return in.readAllBytes();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(shape.resource(file), unreadable);
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

  private static Reply answer(
      RecordedRequest request, Map<String, String> jaegerTraces, Map<String, String> zipkinTraces) {
    String path = request.path();
    if (path.startsWith(JAEGER_PATH)) {
      String body = byId(path.substring(JAEGER_PATH.length()), jaegerTraces);
      return body != null
          ? Reply.json(body)
          : new Reply(404, "application/json", JAEGER_NOT_FOUND, Map.of());
    }
    if (path.startsWith(ZIPKIN_PATH)) {
      String id = path.substring(ZIPKIN_PATH.length());
      String body = byId(id, zipkinTraces);
      return body != null ? Reply.json(body) : Reply.status(404, id + " not found");
    }
    return Reply.status(404, "no route for " + path);
  }

  private static String byId(String rawId, Map<String, String> traces) {
    return TraceIds.traceId(rawId).map(traces::get).orElse(null);
  }

  private static BackendHttp http(String name, FakeHttpServer server) {
    Endpoint endpoint =
        new Endpoint(
            name,
            server.uri(),
            Map.of(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            1,
            50_000_000);
    return new BackendHttp(HttpClient.newHttpClient(), endpoint, Clock.systemUTC(), pause -> {});
  }
}
