package dev.tracelookup.json;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Shared JSON mappers: thread-safe once configured and costly to build, so built once. */
public final class JsonMappers {
  /**
   * Jackson's defaults, for the bot's small JSON trees: request bodies from Slack and API callers,
   * the tokens and modal metadata round-tripped through Slack, audit lines and Jaeger's tag
   * filters. Every one of them reads or writes through this instance, so never reconfigure it.
   */
  public static final ObjectMapper PLAIN = new ObjectMapper();

  private JsonMappers() {}
}
