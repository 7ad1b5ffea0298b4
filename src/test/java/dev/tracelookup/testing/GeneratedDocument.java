package dev.tracelookup.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;
import java.util.function.IntFunction;

/**
 * A JSON document of many items, written as it is read so that the document itself never sits in
 * memory: only the reader under test can make memory grow with its size. Subclasses say what comes
 * before, between and after.
 */
public abstract class GeneratedDocument extends InputStream {
  private final int itemCount;
  private final IntFunction<String> item;
  private final String tail;
  private int nextItem;
  private byte[] chunk;
  private int position;

  /**
   * @param head written first
   * @param itemCount how many items follow, separated by commas
   * @param item the JSON of the item at an index
   * @param tail written last
   */
  protected GeneratedDocument(String head, int itemCount, IntFunction<String> item, String tail) {
    this.chunk = head.getBytes(UTF_8);
    this.itemCount = itemCount;
    this.item = item;
    this.tail = tail;
  }

  @Override
  public int read() {
    if (position == chunk.length && !advance()) {
      return -1;
    }
    return chunk[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position == chunk.length && !advance()) {
      return -1;
    }
    int count = Math.min(length, chunk.length - position);
    System.arraycopy(chunk, position, buffer, offset, count);
    position += count;
    return count;
  }

  private boolean advance() {
    if (nextItem > itemCount) {
      return false;
    }
    String next = nextItem == itemCount ? tail : (nextItem == 0 ? "" : ",") + item.apply(nextItem);
    chunk = next.getBytes(UTF_8);
    position = 0;
    nextItem++;
    return true;
  }
}
