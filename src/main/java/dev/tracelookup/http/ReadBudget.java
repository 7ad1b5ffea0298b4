package dev.tracelookup.http;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * How many bytes of backend answers all running lookups may hold at once, shared fairly among them.
 * A trace held in memory costs about as much heap as its JSON (more while it is parsed and
 * analysed), so bounding the bytes read bounds the heap the lookups use, whatever the backends
 * send.
 *
 * <p>Each lookup takes a {@link Holder}; every answer it reads is a {@link Read}, admitted with a
 * first charge before its request is sent and charged further as it streams in. What a lookup read
 * stays charged until it releases its holder, but for answers of at most {@link #SMALL} bytes. When
 * there is no room, who waits and who gives way follows the wait-die rule of databases, which
 * cannot deadlock:
 *
 * <ul>
 *   <li>among reads already streaming, the oldest waits for room, until its deadline: it always
 *       makes progress; any other gives way at once ({@link Refused#busy()}), freeing what it held,
 *       and its lookup answers with what it has and says the rest was left out;
 *   <li>a read not yet admitted waits its turn, first come first served, as long as its lookup
 *       keeps no finished answer (then it blocks no one); otherwise it gives way at once;
 *   <li>a read that could not fit beside what its own lookup already keeps is refused at once as
 *       too large ({@link Refused#tooLarge()}): no wait would help.
 * </ul>
 *
 * <p>Once the oldest streaming read has had to wait, the budget is contended: until that read is
 * done, the other streaming reads give way at their next charge and no newcomer is admitted, so
 * that one answer is read whole at full speed instead of every answer crawling. Streaming reads are
 * served before newcomers, and newcomers in the order they came: a read never takes room an older
 * waiting one needs. Reads are ordered by when they were admitted, so a newcomer never outranks a
 * read already streaming.
 */
public final class ReadBudget {
  private static final long WAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** Answers up to this size are not kept charged: see {@link Read#finish}. */
  static final long SMALL = ChargedInputStream.STEP;

  private final long capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Streaming reads, by when they were admitted. */
  private final TreeMap<Long, Read> streaming = new TreeMap<>();

  /** Reads waiting to be admitted, by when they asked, and the bytes each asks for. */
  private final TreeMap<Long, Long> newcomers = new TreeMap<>();

  private Read waitingStreamer;
  private long waitingStreamerNeeds;

  /**
   * The oldest streaming read once it had to wait: until it is done, the others make way for it.
   */
  private Read contendedBy;

  private long used;
  private long nextAdmission;
  private long nextRequest;

  private ReadBudget(long capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Returns a budget of this many bytes across all lookups. */
  public static ReadBudget of(long capacityBytes) {
    return new ReadBudget(capacityBytes);
  }

  /**
   * Returns a budget that never refuses: for the command line and tests that are not about memory.
   */
  public static ReadBudget unlimited() {
    return new ReadBudget(Long.MAX_VALUE);
  }

  public long capacity() {
    return capacity;
  }

  /** Returns the bytes charged now, across all holders. */
  public long used() {
    lock.lock();
    try {
      return used;
    } finally {
      lock.unlock();
    }
  }

  /** Returns a new holder: one per lookup. */
  public Holder holder() {
    return new Holder();
  }

  /** Why a read may not go on. */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean tooLarge;

    private Refused(boolean tooLarge, String message) {
      super(message);
      this.tooLarge = tooLarge;
    }

    static Refused tooLargeFor(long capacity) {
      return new Refused(
          true,
          "the lookup's answers together exceed the "
              + capacity
              + " bytes that lookups may hold at once");
    }

    static Refused gaveWay() {
      return new Refused(false, "other lookups hold the bytes that lookups may read at once");
    }

    /**
     * Returns true when the answer cannot fit beside what its lookup holds, however long it waits.
     */
    public boolean tooLarge() {
      return tooLarge;
    }

    /** Returns true when the answer gave way to older reads, or waited past its deadline. */
    public boolean busy() {
      return !tooLarge;
    }
  }

  /** What one lookup holds: the bytes of every answer it read and still keeps. */
  public final class Holder {
    private final Set<Read> reads = new HashSet<>();
    private long pinned;
    private boolean released;

    private Holder() {}

    /** Starts charging one answer to this holder. */
    Read startRead() {
      lock.lock();
      try {
        Read read = new Read(this);
        reads.add(read);
        return read;
      } finally {
        lock.unlock();
      }
    }

    /** Returns the bytes this holder keeps charged: answers read, and answers being read. */
    public long held() {
      lock.lock();
      try {
        return pinned + reads.stream().mapToLong(read -> read.held).sum();
      } finally {
        lock.unlock();
      }
    }

    /** Frees everything this holder has charged; reads still going on are refused from now on. */
    public void release() {
      lock.lock();
      try {
        if (released) {
          return;
        }
        released = true;
        for (Read read : reads) {
          read.leave();
        }
        reads.clear();
        used -= pinned;
        pinned = 0;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** One answer being read. */
  final class Read {
    private final Holder holder;
    private long request = -1;
    private long admitted = -1;
    private long held;

    private Read(Holder holder) {
      this.holder = holder;
    }

    /**
     * Charges {@code bytes} more, waiting when the rules above allow until {@code deadlineNanos} (a
     * {@link System#nanoTime()} value) or until {@code stopped} says the read is over.
     */
    void charge(long bytes, long deadlineNanos, BooleanSupplier stopped) throws Refused {
      lock.lock();
      try {
        if (holder.released || stopped.getAsBoolean()) {
          throw Refused.gaveWay();
        }
        if (holder.pinned + held + bytes > capacity) {
          throw Refused.tooLargeFor(capacity);
        }
        if (admitted < 0) {
          admit(bytes, deadlineNanos, stopped);
        } else {
          grow(bytes, deadlineNanos, stopped);
        }
        held += bytes;
        used += bytes;
      } finally {
        lock.unlock();
      }
    }

    /**
     * Ends the read: its bytes stay charged to the holder when kept, else they are freed. An answer
     * within one {@link #SMALL} step is freed even when kept: a search's list of trace IDs or a
     * small trace weighs next to nothing, and a lookup that keeps nothing may still wait its turn.
     */
    void finish(boolean kept) {
      lock.lock();
      try {
        if (!holder.reads.remove(this)) {
          return;
        }
        long bytes = held;
        leave();
        if (kept && bytes > SMALL) {
          holder.pinned += bytes;
          used += bytes;
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    /**
     * Frees what this read holds after it gave way, so that it can start over: it keeps its place
     * in the line of newcomers, ahead of every read that came after it, so it cannot starve.
     */
    void restart() {
      lock.lock();
      try {
        leave();
        admitted = -1;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    /** Returns whether the read has been admitted and streams. */
    boolean admitted() {
      lock.lock();
      try {
        return admitted >= 0;
      } finally {
        lock.unlock();
      }
    }

    /** Frees this read's bytes and takes it out of every queue; the caller holds the lock. */
    private void leave() {
      used -= held;
      held = 0;
      streaming.remove(admitted);
      if (waitingStreamer == this) {
        waitingStreamer = null;
        waitingStreamerNeeds = 0;
      }
      if (contendedBy == this) {
        contendedBy = null;
      }
    }

    private void admit(long bytes, long deadlineNanos, BooleanSupplier stopped) throws Refused {
      if (request < 0) {
        request = nextRequest++;
      }
      newcomers.put(request, bytes);
      try {
        while (contendedBy != null
            || used + bytes + waitingStreamerNeeds + olderNewcomersNeed(request) > capacity) {
          // A newcomer blocks no one while its lookup keeps nothing; once it keeps an answer it
          // must give way.
          if (holder.pinned > 0) {
            throw Refused.gaveWay();
          }
          await(deadlineNanos, stopped);
        }
      } finally {
        newcomers.remove(request);
        changed.signalAll();
      }
      admitted = nextAdmission++;
      streaming.put(admitted, this);
    }

    private void grow(long bytes, long deadlineNanos, BooleanSupplier stopped) throws Refused {
      if (contendedBy != null && contendedBy != this) {
        // Sharing the room step by step would let every read crawl and none finish.
        throw Refused.gaveWay();
      }
      long reserved = waitingStreamer == null || waitingStreamer == this ? 0 : waitingStreamerNeeds;
      if (used + bytes + reserved <= capacity) {
        return;
      }
      if (streaming.firstKey() != admitted || waitingStreamer != null) {
        throw Refused.gaveWay();
      }
      contendedBy = this;
      waitingStreamer = this;
      waitingStreamerNeeds = bytes;
      try {
        while (used + bytes > capacity) {
          await(deadlineNanos, stopped);
        }
      } finally {
        if (waitingStreamer == this) {
          waitingStreamer = null;
          waitingStreamerNeeds = 0;
        }
        changed.signalAll();
      }
    }

    private long olderNewcomersNeed(long request) {
      return newcomers.headMap(request, false).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits for a change; the wake-up bound lets an aborted lookup's reader notice within 100 ms.
     */
    private void await(long deadlineNanos, BooleanSupplier stopped) throws Refused {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0 || holder.released || stopped.getAsBoolean()) {
        throw Refused.gaveWay();
      }
      try {
        changed.awaitNanos(Math.min(left, WAKE_NANOS));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw Refused.gaveWay();
      }
      if (holder.released || stopped.getAsBoolean()) {
        throw Refused.gaveWay();
      }
    }
  }
}
