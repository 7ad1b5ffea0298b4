package dev.tracelookup.server;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor for an ack: bare Jetty 12 (no servlet, no Bolt) that reads the body, checks Slack's
 * signature with the bot's own {@link SlackSignature} and answers 200 with nothing else done. Its
 * threads and connector are set up as {@link BotServer}'s, so only the work per request differs.
 */
public final class SignatureOnlyServer implements AutoCloseable {
  private static final String THREAD_POOL = "bare-http";

  /** How its request threads are named: the pool's name, a dash, a number. */
  public static final String HTTP_THREADS = THREAD_POOL + "-";

  private static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final Server server;

  private SignatureOnlyServer(Server server) {
    this.server = server;
  }

  /** Starts on a free loopback port, verifying with this signing secret. */
  public static SignatureOnlyServer start(String signingSecret) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName(THREAD_POOL);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Verifier(new SlackSignature(signingSecret, Clock.systemUTC(), TOLERANCE)));
    server.start();
    return new SignatureOnlyServer(server);
  }

  /** Returns the {@code X-Slack-Signature} Slack would send for this body, secret and timestamp. */
  public static String sign(String signingSecret, long epochSecond, byte[] body) {
    return new SlackSignature(signingSecret, Clock.systemUTC(), TOLERANCE)
        .sign(String.valueOf(epochSecond), body);
  }

  public URI uri() {
    return server.getURI().resolve("/");
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static final class Verifier extends Handler.Abstract {
    private final SlackSignature signature;

    Verifier(SlackSignature signature) {
      this.signature = signature;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      byte[] body;
      try (InputStream in = Content.Source.asInputStream(request)) {
        body = in.readNBytes(MAX_BODY_BYTES);
      }
      boolean authentic =
          signature
              .refusal(
                  request.getHeaders().get("X-Slack-Request-Timestamp"),
                  request.getHeaders().get("X-Slack-Signature"),
                  body)
              .isEmpty();
      response.setStatus(authentic ? 200 : 401);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      callback.succeeded();
      return true;
    }
  }
}
