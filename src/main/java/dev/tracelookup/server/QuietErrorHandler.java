package dev.tracelookup.server;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Error pages as a short JSON status, never a stack trace or the server's internals. */
final class QuietErrorHandler extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String body =
        "{\"error\":\""
            + (status == 404
                ? "not found"
                : status == 405 ? "method not allowed" : "request failed")
            + "\"}";
    response.getHeaders().put("Content-Type", "application/json");
    Content.Sink.write(response, true, body, callback);
    return true;
  }
}
