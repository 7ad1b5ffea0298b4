package dev.tracelookup.telemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Attribute keys shared by the bot's spans and metrics. Semantic-convention names where one fits
 * ({@code error.type}); the bot's own under {@code tracelookup.}. None may ever carry a customer
 * ID: at most its fingerprint.
 */
public final class TelemetryKeys {
  /** Why a call failed, in a few stable words: a failure kind or an error code, never a message. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** The trace backend's display name, e.g. {@code Tempo}. */
  public static final AttributeKey<String> BACKEND = AttributeKey.stringKey("tracelookup.backend");

  /**
   * How a unit of work ended, e.g. {@code found}, {@code no_traces}, {@code failed}, {@code ok}.
   */
  public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("tracelookup.outcome");

  private TelemetryKeys() {}
}
