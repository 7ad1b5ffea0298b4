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

  /**
   * For answers to other tools ({@code /api/lookup}, {@code lookup --format json}): java.time
   * values written as ISO-8601 text, not numbers. Both faces write through it, so their documents
   * are byte for byte the same.
   */
  public static final ObjectMapper ANSWERS =
      new ObjectMapper()
          .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private JsonMappers() {}
}
