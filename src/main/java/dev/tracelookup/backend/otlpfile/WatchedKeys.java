package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.trace.FailureRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attribute keys whose values the index keeps from a span: the user-ID keys, and the keys that
 * {@link FailureRules} reads to decide whether a span fails. Every other attribute is skipped
 * without its value being decoded. Keys are matched on the parser's characters, so the dozens of
 * other keys a span carries cost no string each.
 */
final class WatchedKeys {
  /** Resource attribute that names the service. */
  static final String SERVICE_NAME = "service.name";

  private static final List<String> FAILURE_KEYS =
      List.of(
          "error",
          "otel.status_code",
          FailureRules.HTTP_STATUS,
          FailureRules.HTTP_STATUS_OLD,
          FailureRules.GRPC_STATUS,
          FailureRules.RPC_STATUS);

  /** A span keeps per user key a bit that says it carried its own value; an int holds 30 keys. */
  static final int MAX_USER_KEYS = 30;

  private final List<String> keys = new ArrayList<>();
  private final char[][] chars;
  private final byte[][] bytes;
  private final int userKeyCount;

  WatchedKeys(List<String> userKeys) {
    if (userKeys.size() > MAX_USER_KEYS) {
      throw new IllegalArgumentException(
          "at most " + MAX_USER_KEYS + " user attribute keys, not " + userKeys.size());
    }
    keys.addAll(userKeys);
    userKeyCount = userKeys.size();
    keys.addAll(FAILURE_KEYS);
    keys.add(SERVICE_NAME);
    chars = keys.stream().map(String::toCharArray).toArray(char[][]::new);
    bytes = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  }

  /** Returns how many user keys there are; they are numbered first, from 0. */
  int userKeyCount() {
    return userKeyCount;
  }

  /** Returns whether the numbered key is one of the failure rules' keys. */
  boolean isFailureKey(int key) {
    return key >= userKeyCount && key < userKeyCount + FAILURE_KEYS.size();
  }

  /** Returns the number of {@value #SERVICE_NAME}. */
  int serviceNameKey() {
    return keys.size() - 1;
  }

  /** Returns the numbered key. */
  String key(int key) {
    return keys.get(key);
  }

  /** Returns the number of the key whose UTF-8 is {@code text[offset, offset + length)}, or -1. */
  int indexOf(byte[] text, int offset, int length) {
    for (int key = 0; key < bytes.length; key++) {
      byte[] candidate = bytes[key];
      if (candidate.length == length
          && Arrays.equals(candidate, 0, length, text, offset, offset + length)) {
        return key;
      }
    }
    return -1;
  }

  /** Returns the number of the key in {@code text[offset, offset + length)}, or -1. */
  int indexOf(char[] text, int offset, int length) {
    for (int key = 0; key < chars.length; key++) {
      char[] candidate = chars[key];
      if (candidate.length == length
          && Arrays.equals(candidate, 0, length, text, offset, offset + length)) {
        return key;
      }
    }
    return -1;
  }
}
