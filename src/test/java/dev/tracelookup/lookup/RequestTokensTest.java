package dev.tracelookup.lookup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class RequestTokensTest {
  private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$");
  private static final LookupRequest CHECKOUT =
      new LookupRequest(
          "usr_k8x9m2",
          new TimeWindow(
              Instant.parse("2026-02-06T14:00:00Z"),
              Instant.parse("2026-02-06T14:30:00Z"),
              ZoneOffset.UTC,
              "2:15pm"),
          Optional.of("checkout~svc"),
          Optional.empty(),
          true);

  private final RequestTokens tokens =
      new RequestTokens(USER_ID, Duration.ofHours(168), "key".getBytes(UTF_8));

  @Test
  void decode_valueThisBotWrote_isTheSameLookup() {
    assertThat(tokens.decode(tokens.encode(CHECKOUT))).contains(CHECKOUT);
  }

  /** A Refresh keeps ranking around the moment the customer named. */
  @Test
  void decode_windowAroundAStatedMoment_keepsTheMoment() {
    TimeWindow window = CHECKOUT.window();
    LookupRequest stated =
        new LookupRequest(
            "usr_k8x9m2",
            new TimeWindow(
                window.from(),
                window.to(),
                window.zone(),
                window.basis(),
                Optional.of(Instant.parse("2026-02-06T14:15:00Z"))),
            Optional.empty(),
            Optional.empty(),
            false);

    assertThat(tokens.decode(tokens.encode(stated))).contains(stated);
  }

  @Test
  void decode_valueEditedToAnotherCustomer_isRefused() {
    String edited = tokens.encode(CHECKOUT).replace("usr_k8x9m2", "usr_other1");

    assertThat(tokens.decode(edited)).isEmpty();
  }

  @Test
  void decode_valueWithoutMacOrFromAnotherKey_isRefused() {
    String value = tokens.encode(CHECKOUT);
    RequestTokens otherKey =
        new RequestTokens(USER_ID, Duration.ofHours(168), "other".getBytes(UTF_8));

    assertThat(tokens.decode(value.substring(0, value.lastIndexOf('~')))).isEmpty();
    assertThat(otherKey.decode(value)).isEmpty();
    assertThat(tokens.decode(null)).isEmpty();
  }

  @Test
  void trace_valueThisBotWrote_isTheTraceAndTheCustomersFingerprint() {
    String value = tokens.traceValue("4bf92f3577b34da6a3ce929d0e0e4736", "u:ff1af1f31874");

    assertThat(tokens.trace(value))
        .contains(
            new RequestTokens.TraceButton(
                "4bf92f3577b34da6a3ce929d0e0e4736", Optional.of("u:ff1af1f31874")));
    assertThat(value).hasSizeLessThan(100);
  }

  @Test
  void trace_valueEditedToAnotherCustomerOrTrace_isRefused() {
    String value = tokens.traceValue("4bf92f3577b34da6a3ce929d0e0e4736", "u:ff1af1f31874");

    assertThat(tokens.trace(value.replace("u:ff1af1f31874", "u:000000000000"))).isEmpty();
    assertThat(tokens.trace(value.replace("4bf9", "0000"))).isEmpty();
    assertThat(tokens.trace("~" + value)).isEmpty();
  }

  /** Cards posted before trace buttons were signed carry the bare trace ID; they still work. */
  @Test
  void trace_bareTraceIdOfAnOlderCard_isTheTraceWithTheCustomerUnknown() {
    assertThat(tokens.trace("4bf92f3577b34da6a3ce929d0e0e4736"))
        .contains(
            new RequestTokens.TraceButton("4bf92f3577b34da6a3ce929d0e0e4736", Optional.empty()));
    assertThat(tokens.trace("")).isEmpty();
    assertThat(tokens.trace("f".repeat(3_000))).isEmpty();
  }

  /** A lookup value and a trace value are signed apart: neither passes for the other. */
  @Test
  void trace_lookupValueWithASeparatorInside_isRefused() {
    String lookup =
        tokens.encode(
            new LookupRequest(
                "usr_k8x9m2",
                new TimeWindow(
                    CHECKOUT.window().from(), CHECKOUT.window().to(), ZoneOffset.UTC, "a~b"),
                Optional.empty(),
                Optional.empty(),
                false));

    assertThat(tokens.trace(lookup)).isEmpty();
    assertThat(
            tokens.decode(tokens.traceValue("4bf92f3577b34da6a3ce929d0e0e4736", "u:ff1af1f31874")))
        .isEmpty();
  }

  @Test
  void page_valueThisBotWrote_isTheSameLookupWithItsPageAndMoment() {
    TimeWindow window = CHECKOUT.window();
    LookupRequest stated =
        new LookupRequest(
            "usr_k8x9m2",
            new TimeWindow(
                window.from(),
                window.to(),
                window.zone(),
                window.basis(),
                Optional.of(Instant.parse("2026-02-06T14:15:00Z"))),
            Optional.of("checkout"),
            Optional.empty(),
            true);

    assertThat(tokens.page(tokens.pageValue(stated, 2)))
        .contains(new RequestTokens.PageButton(stated, 2));
  }

  @Test
  void page_valueEditedToAnotherPageOrCustomer_isRefused() {
    String value = tokens.pageValue(CHECKOUT, 2);

    assertThat(tokens.page(value.replace("\"g\":2", "\"g\":3"))).isEmpty();
    assertThat(tokens.page(value.replace("usr_k8x9m2", "usr_other1"))).isEmpty();
    assertThat(tokens.page(tokens.pageValue(CHECKOUT, TraceLookup.MAX_PAGES + 1))).isEmpty();
  }

  @Test
  void pageAndLookupValues_neverPassForEachOther() {
    assertThat(tokens.decode(tokens.pageValue(CHECKOUT, 1))).isEmpty();
    assertThat(tokens.page(tokens.encode(CHECKOUT))).isEmpty();
  }

  @Test
  void noteValue_roundTrip_givesBackTheTicketAndTheLookup() {
    String value = tokens.noteValue("https://acme.zendesk.com/agent/tickets/4512", CHECKOUT);

    assertThat(tokens.note(value))
        .contains(
            new RequestTokens.NoteButton("https://acme.zendesk.com/agent/tickets/4512", CHECKOUT));
    assertThat(value.length()).isLessThan(2_000);
  }

  @Test
  void noteValue_ticketSwapped_isRefused() {
    String value = tokens.noteValue("https://acme.zendesk.com/agent/tickets/4512", CHECKOUT);

    String swapped = value.replace("4512", "4513");

    assertThat(tokens.note(swapped)).isEmpty();
  }

  @Test
  void noteValue_isNeitherALookupNorATraceValue_andTheyAreNoNoteValue() {
    String note = tokens.noteValue("https://acme.zendesk.com/agent/tickets/4512", CHECKOUT);

    assertThat(tokens.decode(note)).isEmpty();
    assertThat(tokens.note(tokens.encode(CHECKOUT))).isEmpty();
    assertThat(tokens.note(tokens.traceValue("4bf92f3577b34da6a3ce929d0e0e4736", "u:ab")))
        .isEmpty();
  }
}
