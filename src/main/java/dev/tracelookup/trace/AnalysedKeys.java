package dev.tracelookup.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The span and event attribute keys the analysis reads. Whatever filters attributes before the
 * analysis (the privacy allow-list) must keep these, or a verdict would be judged on less than the
 * spans said: a gRPC status, a proxy's timeout flag, the target that tells retries apart.
 */
public final class AnalysedKeys {
  private static final List<String> ALL = collect();

  private AnalysedKeys() {}

  /** Returns every key the analysis reads, on spans and on their events. */
  public static List<String> all() {
    return ALL;
  }

  private static List<String> collect() {
    Set<String> keys = new LinkedHashSet<>();
    Collections.addAll(keys, "error", "otel.status_code", "otel.status_description");
    Collections.addAll(
        keys,
        FailureRules.HTTP_STATUS,
        FailureRules.HTTP_STATUS_OLD,
        FailureRules.GRPC_STATUS,
        FailureRules.RPC_STATUS,
        FailureRules.ENVOY_RESPONSE_FLAGS);
    Collections.addAll(keys, RemotePeer.PEER_KEYS);
    Collections.addAll(keys, CallKey.TARGET_KEYS);
    Collections.addAll(keys, CallKey.URL_KEYS);
    Collections.addAll(
        keys, ExceptionReader.TYPE, ExceptionReader.MESSAGE, ExceptionReader.STACKTRACE);
    Collections.addAll(keys, ExceptionReader.OPENTRACING_KEYS);
    Collections.addAll(keys, ExceptionReader.LOG_LEVEL_KEYS);
    Collections.addAll(keys, ExceptionReader.LOG_MESSAGE_KEYS);
    return List.copyOf(new ArrayList<>(keys));
  }
}
