package dev.tracelookup.server;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.tracelookup.lookup.LookupCache;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /healthz}: liveness, with the caches' hit and miss counts for operators. */
final class HealthServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient LookupCache cache;
  private final String backendName;

  HealthServlet(LookupCache cache, String backendName) {
    this.cache = cache;
    this.backendName = backendName;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("backend", backendName);
    Map<String, Object> caches = new LinkedHashMap<>();
    caches.put("lookups", stats(cache.lookupStats(), cache.lookupCount()));
    caches.put("traces", stats(cache.traceStats(), cache.tracedSpans()));
    body.put("cache", caches);
    JsonReplies.write(response, 200, body);
  }

  private static Map<String, Object> stats(CacheStats stats, long size) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("hits", stats.hitCount());
    json.put("misses", stats.missCount());
    json.put("hit_rate", stats.requestCount() == 0 ? 0.0 : stats.hitRate());
    json.put("evictions", stats.evictionCount());
    json.put("size", size);
    return json;
  }
}
