package dev.tracelookup.server;

import java.time.Duration;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads every request body before any servlet sees it, without holding a thread while the bytes
 * trickle in, and refuses bodies that are too large (413) or too slow (408).
 *
 * <p>The servlets (Bolt's, our filters) read bodies with blocking calls. Before this handler, 70
 * unauthenticated clients each declaring a 1 MB body and sending a byte every 4 s held all of
 * Jetty's threads, and {@code /healthz} and every command timed out. Jetty's own minimum data rate
 * ({@code HttpConfiguration.setMinRequestDataRate}) is checked only when bytes arrive, with the
 * thread already blocked. Here the body is gathered through {@link Request#demand}, which needs no
 * thread while waiting; a body must arrive whole within {@code timeout}, and after the first {@link
 * #GRACE} at {@code minRate} bytes a second or better. Requests without a body, such as {@code
 * /healthz}, pass straight through.
 */
final class BodyReadHandler extends Handler.Wrapper {
  /** A client gets this long before its pace is judged: a slow start is not an attack. */
  static final Duration GRACE = Duration.ofSeconds(1);

  private final int maxBytes;
  private final Duration timeout;
  private final long minRate;

  /**
   * @param maxBytes larger bodies are refused, before reading when their length is declared
   * @param minRate bytes a second a body must keep up after {@link #GRACE}; 0 checks only the
   *     timeout
   */
  BodyReadHandler(Handler next, int maxBytes, Duration timeout, long minRate) {
    super(next);
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.minRate = minRate;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields headers = request.getHeaders();
    long declared = headers.getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > maxBytes) {
      refuse(response, callback, 413, "request body too large");
      return true;
    }
    boolean chunked = headers.contains(HttpHeader.TRANSFER_ENCODING);
    if (declared <= 0 && !chunked) {
      return super.handle(request, response, callback);
    }
    new BodyReading(
            getHandler(),
            request,
            response,
            callback,
            new BodyReading.Limits(maxBytes, timeout, minRate, GRACE))
        .start();
    return true;
  }

  /** Answers with a short JSON error and closes the connection, whose unread body is not wanted. */
  static void refuse(Response response, Callback callback, int status, String message) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    Content.Sink.write(response, true, "{\"error\":\"" + message + "\"}", callback);
  }
}
