package dev.tracelookup.server;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses HTTP {@code TRACE} (and IIS's {@code TRACK}) with 405 on every path, before any servlet.
 *
 * <p>The servlet API answers {@code TRACE} by echoing the request, headers included, so a script
 * that can make a browser or proxy send one reads back the {@code Authorization} bearer token.
 * Nothing here needs the method, so it is refused outright rather than filtered per servlet.
 */
final class TraceMethodRefusal extends Handler.Wrapper {
  private static final String BODY = "{\"error\":\"method not allowed\"}";

  TraceMethodRefusal(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if (!HttpMethod.TRACE.is(method) && !"TRACK".equalsIgnoreCase(method)) {
      return super.handle(request, response, callback);
    }
    response.setStatus(HttpStatus.METHOD_NOT_ALLOWED_405);
    response.getHeaders().put("Content-Type", "application/json");
    Content.Sink.write(response, true, BODY, callback);
    return true;
  }
}
