package dev.tracelookup.bench;

import dev.tracelookup.render.CardActions;
import dev.tracelookup.render.CardContent;
import dev.tracelookup.render.ShownTrace;
import dev.tracelookup.trace.TraceAnalysis;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The card content the Slack app builds for one analysed trace, with every button on it. */
final class Cards {
  private static final ZoneId AGENT_ZONE = ZoneId.of("America/New_York");
  private static final Instant FROM =
      Instant.ofEpochSecond(OtlpTraceJson.START_NANOS / 1_000_000_000L - 900);

  private Cards() {}

  static CardContent of(TraceAnalysis analysis) {
    ShownTrace card =
        new ShownTrace(
            analysis,
            Optional.of("https://grafana.example/explore?trace=" + OtlpTraceJson.TRACE_ID));
    return new CardContent(
        OtlpTraceJson.USER_ID,
        FROM,
        FROM.plusSeconds(1_800),
        AGENT_ZONE,
        "Tempo",
        List.of(card),
        1,
        "",
        List.of(),
        false,
        List.of(),
        Optional.of(CardActions.privateAnswer("lookup-token", false)));
  }
}
