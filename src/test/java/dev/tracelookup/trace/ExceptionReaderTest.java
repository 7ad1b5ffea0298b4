package dev.tracelookup.trace;

import static dev.tracelookup.trace.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class ExceptionReaderTest {

  @Test
  void read_exceptionEvent_keepsTypeMessageAndFirstThreeFramesTrimmed() {
    Span span =
        span("a")
            .exception(
                "java.net.ConnectException",
                " Connection refused ",
                "java.net.ConnectException: Connection refused\n"
                    + "\tat sun.nio.ch.Net.connect0(Native Method)\n"
                    + "\tat sun.nio.ch.Net.connect(Net.java:579)\n"
                    + "Caused by: nothing useful\n"
                    + "\tat java.net.Socket.connect(Socket.java:751)\n"
                    + "\tat app.Client.call(Client.java:12)")
            .build();

    assertThat(ExceptionReader.read(span))
        .contains(
            new ExceptionInfo(
                "java.net.ConnectException",
                "Connection refused",
                List.of(
                    "at sun.nio.ch.Net.connect0(Native Method)",
                    "at sun.nio.ch.Net.connect(Net.java:579)",
                    "at java.net.Socket.connect(Socket.java:751)")));
  }

  @Test
  void read_severalExceptionEvents_firstWins() {
    Span span =
        span("a")
            .event(new SpanEvent("retry", 0, Attributes.of("exception.type", "NotAnException")))
            .exception("First", "one", "")
            .exception("Second", "two", "")
            .build();

    assertThat(ExceptionReader.read(span)).map(ExceptionInfo::type).contains("First");
  }

  @Test
  void read_exceptionEventWithoutDetails_fallsBackToSpanAttributes() {
    Span span =
        span("a")
            .event(new SpanEvent(SpanEvent.EXCEPTION, 0, Attributes.empty()))
            .attribute("exception.type", "TimeoutError")
            .attribute("exception.message", "upstream took 30 s")
            .build();

    assertThat(ExceptionReader.read(span))
        .contains(new ExceptionInfo("TimeoutError", "upstream took 30 s", List.of()));
  }

  @Test
  void read_onlyExceptionMessageAttribute_leavesTypeEmpty() {
    Span span = span("a").attribute("exception.message", "socket closed").build();

    assertThat(ExceptionReader.read(span))
        .contains(new ExceptionInfo("", "socket closed", List.of()));
  }

  @Test
  void read_onlyStatusMessage_isEmpty() {
    Span span = span("a").error("deadline exceeded").build();

    assertThat(ExceptionReader.read(span)).isEmpty();
  }
}
