package dev.tracelookup.backend.tempo;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A Tempo that streams one generated trace from {@code /api/v2/traces/<id>}, for answers too large
 * to hold as a string as {@link FakeTempo} does; any other path is a 404.
 */
final class StreamingTempo implements AutoCloseable {
  private final Server server = new Server();

  StreamingTempo(String traceId, Supplier<InputStream> body) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            if (!request.getHttpURI().getPath().equals("/api/v2/traces/" + traceId)) {
              Response.writeError(request, response, callback, 404, FakeTempo.TRACE_NOT_FOUND);
              return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            try (InputStream in = body.get();
                OutputStream out = Content.Sink.asOutputStream(response)) {
              in.transferTo(out);
            }
            callback.succeeded();
            return true;
          }
        });
    server.start();
  }

  URI uri() {
    return server.getURI().resolve("/");
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
