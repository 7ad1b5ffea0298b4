package dev.tracelookup.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class StatedTimeTest {
  /** The ticket was filed on Friday 2026-02-06 at 15:40 in New York (20:40 UTC). */
  private static final Instant FILED = Instant.parse("2026-02-06T20:40:00Z");

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static Stream<Arguments> statedTimes() {
    return Stream.of(
        stated(
            "I tried to place an order at 2:15 PM and it just showed an error",
            "2026-02-06T19:15:00Z",
            "at 2:15 PM"),
        stated(
            "around 14:15 yesterday the page froze",
            "2026-02-05T19:15:00Z",
            "around 14:15 yesterday"),
        stated("it failed 2:15pm", "2026-02-06T19:15:00Z", "2:15pm"),
        stated("This morning at 9 I could not log in", "2026-02-06T14:00:00Z", "This morning at 9"),
        stated("at 9:30 this morning", "2026-02-06T14:30:00Z", "at 9:30 this morning"),
        stated("Checkout broke at 11 p.m. and I gave up.", "2026-02-06T04:00:00Z", "at 11 p.m."),
        stated("last night at 10 the app crashed", "2026-02-06T03:00:00Z", "last night at 10"),
        stated(
            "On Tuesday at 4pm my card was declined", "2026-02-03T21:00:00Z", "On Tuesday at 4pm"),
        stated("last Friday around 10am", "2026-01-30T15:00:00Z", "last Friday around 10am"),
        stated("at 14:15 UTC the upload failed", "2026-02-06T14:15:00Z", "at 14:15 UTC"),
        stated("~13:05 nothing loaded", "2026-02-06T18:05:00Z", "~13:05"),
        stated(
            "Error seen 2026-02-05 09:12:44 in the app",
            "2026-02-05T14:12:44Z",
            "2026-02-05 09:12:44"),
        stated(
            "log line 2026-02-05T09:12:44.123Z payment failed",
            "2026-02-05T09:12:44Z",
            "2026-02-05T09:12:44.123Z"),
        stated("around noon it stopped", "2026-02-06T17:00:00Z", "around noon"),
        stated("at 2:15 PM and again at 2:40 PM", "2026-02-06T19:15:00Z", "at 2:15 PM"),
        stated(
            "<p>Hi, at <b>3:05pm</b> the page went blank</p>",
            "2026-02-06T20:05:00Z",
            "at 3:05pm"));
  }

  static Stream<Named<String>> notTimes() {
    return Stream.of(
        Named.of("price", "I was charged $14.15 twice"),
        Named.of("version", "since v2.15 the app crashes"),
        Named.of("decimal after a cue", "it costs about 14.15 euros"),
        Named.of("phone number", "call me at 555-214-1515"),
        Named.of("ticket number", "duplicate of #2:15 and ticket 4512"),
        Named.of("ratio", "the video is 16:9"),
        Named.of("bare hour without part of day", "at 9 items were in my cart"),
        Named.of("bare number", "I ordered 2 items at 10"),
        Named.of("colon time without cue", "see step 3:15 of the guide"),
        Named.of("impossible hour", "at 25:00 nothing worked"),
        Named.of("thirteen pm", "at 13pm it broke"),
        Named.of(
            "timestamp with fraction after cue", "at 10:30:45.123 it broke? no, that was a trace"),
        Named.of("plural PMs", "our 2 PMs looked at it"),
        Named.of("noon without cue", "the noon deadline passed"),
        Named.of("deadline, not the issue", "please fix it by 14:00"),
        Named.of("time inside a link", "see <https://status.example.com/at/2:15pm|status>"),
        Named.of("blank", " "));
  }

  private static Arguments stated(String text, String at, String phrase) {
    return Arguments.of(Named.of(text, text), Instant.parse(at), phrase);
  }

  @ParameterizedTest
  @MethodSource("statedTimes")
  void find_plainlyStatedTime_isReadInTheRequestersZone(String text, Instant at, String phrase) {
    assertThat(StatedTime.find(text, FILED, NEW_YORK)).contains(new StatedTime(at, phrase));
  }

  @ParameterizedTest
  @MethodSource("notTimes")
  void find_numbersThatAreNotTimes_findNothing(String text) {
    assertThat(StatedTime.find(text, FILED, NEW_YORK)).isEmpty();
  }

  @Test
  void find_timeLaterThanTheTicket_meansTheDayBefore() {
    Instant filedJustAfterMidnight = Instant.parse("2026-02-06T05:30:00Z");

    assertThat(StatedTime.find("at 11:50 PM checkout failed", filedJustAfterMidnight, NEW_YORK))
        .map(StatedTime::at)
        .contains(Instant.parse("2026-02-06T04:50:00Z"));
  }

  @Test
  void find_zoneDecidesTheInstant() {
    assertThat(StatedTime.find("at 2:15 PM", FILED, ZoneId.of("Europe/Berlin")))
        .map(StatedTime::at)
        .contains(Instant.parse("2026-02-06T13:15:00Z"));
  }
}
