package dev.tracelookup.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /readyz}: 200 while the bot can take lookups (status {@code ready} or {@code
 * degraded}), 503 while a required dependency is down; the body lists every dependency.
 */
final class ReadyServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Readiness readiness;

  ReadyServlet(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ReadinessReport report = readiness.report();
    response.setHeader("Cache-Control", "no-store");
    JsonReplies.write(response, report.ready() ? 200 : 503, report.json());
  }
}
