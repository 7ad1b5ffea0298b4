package dev.tracelookup.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A few words from an error body for the failure detail: backends explain 400s there ("range
 * specified by start and end exceeds 168h0m0s"). Cut short and stripped of control characters,
 * since it reaches logs and, for rejections, the agent.
 */
final class ErrorBodies {
  private static final int MAX = 200;

  private ErrorBodies() {}

  static String summary(InputStream body) throws IOException {
    byte[] start = body.readNBytes(MAX);
    String text = new String(start, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}]+", " ").trim();
    return text.isEmpty() ? "" : " (" + text + (start.length == MAX ? "…" : "") + ")";
  }
}
