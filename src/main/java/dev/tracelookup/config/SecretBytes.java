package dev.tracelookup.config;

import java.util.Arrays;

/** A binary secret from the environment, decoded; its {@code toString()} never shows the bytes. */
public final class SecretBytes {
  private final byte[] bytes;

  public SecretBytes(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  /** Returns a copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretBytes that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SecretBytes[" + bytes.length + " bytes, ****]";
  }
}
