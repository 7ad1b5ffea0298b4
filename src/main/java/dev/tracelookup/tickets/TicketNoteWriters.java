package dev.tracelookup.tickets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each note to the writer of its ticket-system instance, the ones the bot holds write
 * credentials for, and makes sure a note is written once.
 *
 * <p>Three guards, each for what the others miss:
 *
 * <ol>
 *   <li>the writers look for the note's marker among the ticket's comments before writing: this is
 *       what holds across replicas and restarts, since the ticket itself is the record;
 *   <li>presses of the same ticket and lookup that arrive while a write is running wait for it
 *       (single flight), since the ticket shows no marker until the write lands;
 *   <li>a short record of the notes this replica wrote answers a second press without asking the
 *       ticket system again, and still answers when the system's comment list lags behind.
 * </ol>
 */
public final class TicketNoteWriters {
  private static final Duration REMEMBERED = Duration.ofHours(24);
  private static final long MAX_REMEMBERED = 10_000;

  private final List<Connection> connections;
  private final Cache<String, NoteResult.Written> written;
  private final Map<String, CompletableFuture<NoteResult>> running = new ConcurrentHashMap<>();

  /**
   * One ticket-system instance the bot may write notes to.
   *
   * @param host as {@link TicketLink#host()} carries it
   */
  public record Connection(TicketSystem system, String host, NoteWriter writer) {
    public Connection {
      Objects.requireNonNull(system, "system");
      host = host.trim().toLowerCase(Locale.ROOT);
      Objects.requireNonNull(writer, "writer");
    }
  }

  /**
   * @param ticker times the record of written notes (Caffeine's; tests pass a fake)
   */
  public TicketNoteWriters(List<Connection> connections, Ticker ticker) {
    this.connections = List.copyOf(connections);
    this.written =
        Caffeine.newBuilder()
            .ticker(ticker)
            .expireAfterWrite(REMEMBERED)
            .maximumSize(MAX_REMEMBERED)
            .build();
  }

  /** Returns writers for no system: no card offers "Add note to ticket". */
  public static TicketNoteWriters none() {
    return new TicketNoteWriters(List.of(), Ticker.systemTicker());
  }

  /** Returns whether the bot may write notes to the link's ticket system instance. */
  public boolean writable(TicketLink link) {
    return connection(link).isPresent();
  }

  /**
   * Adds the note unless this ticket already holds it. A press that arrives while the same note is
   * being written waits for that write, and is told "already noted" when it landed.
   */
  public NoteResult add(TicketLink link, TicketNote note) {
    Optional<Connection> connection = connection(link);
    if (connection.isEmpty()) {
      return new NoteResult.Failed(noWriteAccess(link));
    }
    String key = link.system() + " " + link.host() + " " + link.key() + " " + note.marker();
    NoteResult.Written known = written.getIfPresent(key);
    if (known != null) {
      return new NoteResult.AlreadyNoted(known.reference(), known.url());
    }
    CompletableFuture<NoteResult> mine = new CompletableFuture<>();
    CompletableFuture<NoteResult> theirs = running.putIfAbsent(key, mine);
    if (theirs != null) {
      NoteResult result = theirs.join();
      return result instanceof NoteResult.Written landed
          ? new NoteResult.AlreadyNoted(landed.reference(), landed.url())
          : result;
    }
    try {
      NoteResult result = connection.get().writer().add(link, note);
      if (result instanceof NoteResult.Written landed) {
        written.put(key, landed);
      } else if (result instanceof NoteResult.AlreadyNoted found) {
        written.put(key, new NoteResult.Written(found.reference(), found.url()));
      }
      mine.complete(result);
      return result;
    } catch (RuntimeException bug) {
      mine.completeExceptionally(bug);
      throw bug;
    } finally {
      running.remove(key, mine);
    }
  }

  private Optional<Connection> connection(TicketLink link) {
    return connections.stream()
        .filter(c -> c.system() == link.system() && c.host().equals(link.host()))
        .findFirst();
  }

  private static TicketFailure noWriteAccess(TicketLink link) {
    String system = link.system().displayName();
    return TicketFailure.of(
        TicketFailure.Kind.NOT_CONFIGURED,
        link.system(),
        "The bot has no write access to "
            + system
            + " on "
            + link.host()
            + ", so it cannot add a note to "
            + link.reference()
            + ". Ask the bot's admin to set tickets."
            + link.system().name().toLowerCase(Locale.ROOT)
            + ".write-token-env. Nothing was written.",
        "no write connection for " + link.host());
  }
}
