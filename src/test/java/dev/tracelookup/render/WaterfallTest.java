package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.trace.TimelineRow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class WaterfallTest {
  private static final long T0 = 1_770_387_443_120_000_000L;
  private static final long MS = 1_000_000L;
  private static final int SECTION_TEXT = 3_000;

  /** Bar, space, a duration under a minute (up to 6 characters), space, mark, space. */
  private static final int FIXED_COLUMNS = Waterfall.BAR_CELLS + 10;

  private enum Flag {
    FAILED,
    RECOVERED,
    PATH,
    CAUSE,
    SLOW
  }

  /**
   * The failing order: the payment service's charge failed and took the time of the request.
   *
   * <pre>
   * 0 ms                                        1.9 s
   * |============ POST /api/v1/orders ✗ =========|  checkout (entry)
   *  |= order.validate
   *    |== inventory.check_stock
   *     |====== payment.process_charge ✗ ===|
   *      |=== payment-svc POST /charge ✗ ==|         (culprit)
   *                                          |=| audit.record (failed, retried)
   * </pre>
   */
  private static final List<TimelineRow> FAILED_ORDER =
      List.of(
          row(0, "checkout", "POST /api/v1/orders", 0, 1_900, Flag.FAILED, Flag.PATH),
          row(1, "checkout", "order.validate", 2, 10),
          row(1, "checkout", "inventory.check_stock", 14, 50),
          row(1, "checkout", "payment.process_charge", 70, 1_700, Flag.FAILED, Flag.PATH),
          row(2, "payment-svc", "POST /charge", 75, 1_600, Flag.FAILED, Flag.PATH, Flag.CAUSE),
          row(1, "checkout", "audit.record", 1_800, 40, Flag.RECOVERED));

  @Test
  void lines_failedOrder_drawsScaleBarsMarksAndCause() {
    List<String> lines = Waterfall.lines(FAILED_ORDER, SECTION_TEXT);

    assertThat(lines)
        .containsExactly(
            "├──────────┤ 1.9 s",
            "████████████ 1.9 s ✗ POST /api/v1/orders",
            "▏            10 ms    order.validate",
            "▍            50 ms    inventory.check_stock",
            " ██████████▊ 1.7 s ✗  payment.process_charge",
            " ██████████▏ 1.6 s ✗   payment-svc · POST /charge ← cause",
            "           ▎ 40 ms ↻  audit.record");
  }

  /**
   * A cart that loaded but slowly: the Redis read under it took the time.
   *
   * <pre>
   * |======== GET /api/cart ========|  frontend (entry)
   *  |======= cart-svc GET /cart ==|
   *   |====== redis HGET =========|     (took the time)
   * </pre>
   */
  @Test
  void lines_slowSuccess_marksTheSpanThatTookTheTime() {
    List<TimelineRow> rows =
        List.of(
            row(0, "frontend", "GET /api/cart", 0, 2_400, Flag.PATH),
            row(1, "cart-svc", "GET /cart", 10, 2_380, Flag.PATH),
            row(2, "redis", "HGET", 20, 2_350, Flag.PATH, Flag.SLOW));

    List<String> lines = Waterfall.lines(rows, SECTION_TEXT);

    assertThat(lines)
        .containsExactly(
            "├──────────┤ 2.4 s",
            "████████████ 2.4 s   GET /api/cart",
            "███████████▉ 2.4 s    cart-svc · GET /cart",
            "███████████▊ 2.4 s     redis · HGET ← slow");
  }

  /**
   * A gateway gave up after 30 s; the query below it never answered, so it is both the cause and
   * the span that took the time. A fraud check failed on the way and was retried.
   *
   * <pre>
   * |============ GET /api/orders → 504 ✗ ============|  gateway (entry)
   *  |=| fraud.score ↻
   *     |========== orders-svc GET /orders =========|
   *      |========= postgres SELECT orders =========|   (cause, took the time)
   * </pre>
   */
  @Test
  void lines_hungCallUnderATimeout_marksCauseAndSlowOnOneLine() {
    List<TimelineRow> rows =
        List.of(
            row(0, "gateway", "GET /api/orders", 0, 30_000, Flag.FAILED, Flag.PATH),
            row(1, "gateway", "fraud.score", 5, 120, Flag.RECOVERED),
            row(1, "orders-svc", "GET /orders", 130, 29_870, Flag.PATH),
            row(2, "postgres", "SELECT orders", 140, 29_860, Flag.PATH, Flag.CAUSE, Flag.SLOW));

    List<String> lines = Waterfall.lines(rows, SECTION_TEXT);

    assertThat(lines)
        .containsExactly(
            "├──────────┤   30 s",
            "████████████   30 s ✗ GET /api/orders",
            "▏            120 ms ↻  fraud.score",
            "████████████   30 s    orders-svc · GET /orders",
            "████████████   30 s     postgres · SELECT orders ← cause, slow");
  }

  /**
   * A checkout in the OpenTelemetry demo, fourteen rows (the most a timeline holds): the payment
   * call failed and took the time.
   *
   * <pre>
   * |================ frontend POST /api/checkout ✗ ================|  (entry)
   *  |=============== checkout PlaceOrder ✗ ========================|
   *  |=| cart GetCart
   *   |=| redis HGET
   *     |=| catalog GetProduct  |=| catalog GetProduct
   *        || currency Convert  || currency Convert
   *          |==| shipping GetQuote
   *           |=| quote POST /getquote
   *              |=========== payment Charge ✗ ===================|
   *               |========== payment charge ✗ ==================|  (cause, took the time)
   *                                                                || cart EmptyCart
   * </pre>
   */
  private static final List<TimelineRow> DEMO_CHECKOUT =
      List.of(
          row(0, "frontend", "POST /api/checkout", 0, 1_400, Flag.FAILED, Flag.PATH),
          row(
              1,
              "checkout",
              "oteldemo.CheckoutService/PlaceOrder",
              5,
              1_390,
              Flag.FAILED,
              Flag.PATH),
          row(2, "cart", "oteldemo.CartService/GetCart", 10, 30),
          row(3, "redis", "HGET", 12, 8),
          row(2, "product-catalog", "oteldemo.ProductCatalogService/GetProduct", 45, 15),
          row(2, "product-catalog", "oteldemo.ProductCatalogService/GetProduct", 62, 13),
          row(2, "currency", "oteldemo.CurrencyService/Convert", 80, 5),
          row(2, "currency", "oteldemo.CurrencyService/Convert", 86, 4),
          row(2, "shipping", "oteldemo.ShippingService/GetQuote", 92, 38),
          row(3, "quote", "POST /getquote", 95, 30),
          row(2, "payment", "oteldemo.PaymentService/Charge", 135, 1_245, Flag.FAILED, Flag.PATH),
          row(3, "payment", "charge", 140, 1_235, Flag.FAILED, Flag.PATH, Flag.CAUSE, Flag.SLOW),
          row(2, "cart", "oteldemo.CartService/EmptyCart", 1_385, 3),
          row(2, "kafka", "orders publish", 1_390, 2, Flag.RECOVERED));

  @Test
  void codeBlock_fourteenRows_fitOneSectionWithEveryRow() {
    String block = Waterfall.codeBlock(DEMO_CHECKOUT, SECTION_TEXT);

    assertThat(block.length()).isLessThanOrEqualTo(SECTION_TEXT);
    assertThat(block).startsWith("```\n├").endsWith("\n```").doesNotContain("more span");
    assertThat(block.split("\n")).hasSize(2 + 1 + DEMO_CHECKOUT.size());
  }

  @Test
  void lines_budgetTooSmallForAllRows_dropsShortRowsOffThePathFirst() {
    List<String> lines = Waterfall.lines(DEMO_CHECKOUT, 500);

    assertThat(Waterfall.slackLength(lines)).isLessThanOrEqualTo(500);
    assertThat(lines.get(0)).startsWith("├");
    assertThat(lines.get(lines.size() - 1)).matches("… \\d+ more spans");
    assertThat(String.join("\n", lines))
        .contains("POST /api/checkout", "payment · oteldemo.PaymentService/Charge")
        .contains("charge ← cause, slow")
        .doesNotContain("HGET", "Convert");
  }

  @Test
  void lines_anyBudget_neverExceedsItAndKeepsTheCauseWhileItCan() {
    for (int budget = 0; budget <= 1_200; budget += 7) {
      List<String> lines = Waterfall.lines(DEMO_CHECKOUT, budget);
      String block = Waterfall.codeBlock(DEMO_CHECKOUT, budget);

      assertThat(Waterfall.slackLength(lines)).as("budget %d", budget).isLessThanOrEqualTo(budget);
      assertThat(block.length()).as("block budget %d", budget).isLessThanOrEqualTo(budget);
      if (budget >= 200) {
        assertThat(String.join("\n", lines))
            .as("budget %d", budget)
            .contains("POST /api/checkout", "← cause, slow");
      }
    }
  }

  /**
   * Every row left out but the ones that must stay: the payment row above the cause goes, so the
   * cause names its service against the entry, the row now above it.
   *
   * <pre>
   * |====== GET /checkout ✗ ======|  shop (entry)
   *  |==== payment-svc charge ✗ ==|
   *   |=== payment-svc POST ✗ ===|   (cause)
   * </pre>
   */
  @Test
  void lines_rowAboveTheCauseDropped_causeNamesItsServiceAgainstTheEntry() {
    List<TimelineRow> rows =
        List.of(
            row(0, "shop", "GET /checkout", 0, 900, Flag.FAILED, Flag.PATH),
            row(
                1,
                "payment-svc",
                "payment.charge_card_with_retries",
                10,
                880,
                Flag.FAILED,
                Flag.PATH),
            row(2, "payment-svc", "POST /v1/charges", 20, 860, Flag.FAILED, Flag.PATH, Flag.CAUSE));
    int budget = Waterfall.slackLength(Waterfall.lines(rows, SECTION_TEXT)) - 1;

    List<String> lines = Waterfall.lines(rows, budget);

    assertThat(lines)
        .containsExactly(
            "├──────────┤ 900 ms",
            "████████████ 900 ms ✗ GET /checkout",
            "███████████▌ 860 ms ✗   payment-svc · POST /v1/charges ← cause",
            "… 1 more span");
  }

  /**
   * The cart server's clock runs 30 ms behind the frontend's, so it seems to start before its
   * parent; the Redis read under it seems to end before the request began.
   *
   * <pre>
   *    |============ GET /cart ============|  frontend (entry), 0–200 ms
   * |========== cart-svc GET /cart ====|         −30–150 ms
   *  |=| redis HGET                              −25 – −15 ms
   * </pre>
   */
  @Test
  void lines_clockSkew_scalesFromTheEarliestStartWithoutNegativeBars() {
    List<TimelineRow> rows =
        List.of(
            row(0, "frontend", "GET /cart", 0, 200, Flag.PATH),
            row(1, "cart-svc", "GET /cart", -30, 180, Flag.PATH, Flag.SLOW),
            row(2, "redis", "HGET", -25, 10));

    List<String> lines = Waterfall.lines(rows, SECTION_TEXT);

    assertThat(lines)
        .containsExactly(
            "├──────────┤ 230 ms",
            "  ██████████ 200 ms   GET /cart",
            "█████████▍   180 ms    cart-svc · GET /cart ← slow",
            "▌             10 ms     redis · HGET");
    assertThat(lines.subList(1, lines.size())).allSatisfy(WaterfallTest::assertBarWithinItsCells);
  }

  /**
   * The order was queued at once; a consumer in its own trace, linked to the producer span, picked
   * it up three minutes later and failed.
   *
   * <pre>
   * |=| POST /api/v1/orders          checkout (entry), 0–120 ms
   *  | orders publish
   *  ... 3 minutes ...
   *                     |=| orders process ✗   fulfilment, linked trace, 185.0–185.9 s (cause)
   *                      |=| SELECT stock ✗
   * </pre>
   */
  @Test
  void lines_linkedTraceMinutesLater_scaleCoversItAndBarsStayInside() {
    List<TimelineRow> rows =
        List.of(
            row(0, "checkout", "POST /api/v1/orders", 0, 120, Flag.PATH),
            row(1, "checkout", "orders publish", 100, 5, Flag.PATH),
            linked(
                row(
                    2,
                    "fulfilment",
                    "orders process",
                    185_000,
                    900,
                    Flag.FAILED,
                    Flag.PATH,
                    Flag.CAUSE)),
            linked(row(3, "fulfilment", "SELECT stock", 185_100, 750, Flag.FAILED)));

    List<String> lines = Waterfall.lines(rows, SECTION_TEXT);

    assertThat(lines)
        .containsExactly(
            "├──────────┤ 3 m 06 s",
            "▏              120 ms   POST /api/v1/orders",
            "▏                5 ms    orders publish",
            "           ▏   900 ms ✗   fulfilment · orders process ← cause",
            "           ▏   750 ms ✗    SELECT stock");
    assertThat(lines.subList(1, lines.size())).allSatisfy(WaterfallTest::assertBarWithinItsCells);
  }

  /**
   * Spans that report no duration at one instant, as a tracer without a clock writes them.
   *
   * <pre>
   * | GET /health   (entry, 0 ns)
   * | db ping       (0 ns)
   * </pre>
   */
  @Test
  void lines_zeroDurationTrace_drawsTheThinnestBarsWithoutDividingByZero() {
    List<TimelineRow> rows =
        List.of(row(0, "api", "GET /health", 0, 0, Flag.PATH), row(1, "db", "ping", 0, 0));

    List<String> lines = Waterfall.lines(rows, SECTION_TEXT);

    assertThat(lines)
        .containsExactly(
            "├──────────┤ 0 s", "▏            0 s   GET /health", "▏            0 s    db · ping");
  }

  /**
   * Names far longer than a line, from a tracer that puts the SQL statement in the span name.
   *
   * <pre>
   * |====== SELECT … (10,000 characters) ✗ ======|  (entry, cause)
   *  |=== a very long service · INSERT … ===|
   * </pre>
   */
  @Test
  void lines_hugeNames_clippedWithAnEllipsisAndMarkersKept() {
    List<TimelineRow> rows =
        List.of(
            row(0, "db", "SELECT " + "x".repeat(10_000), 0, 50, Flag.FAILED, Flag.PATH, Flag.CAUSE),
            row(1, "svc-".repeat(100), "INSERT\n" + "y".repeat(10_000), 5, 40, Flag.SLOW));

    List<String> lines = Waterfall.lines(rows, SECTION_TEXT);

    assertThat(lines.get(1)).endsWith("x… ← cause");
    assertThat(lines.get(2)).contains("svc-svc-svc-svc-svc… · INSERT yyy").endsWith("y… ← slow");
    int longest =
        FIXED_COLUMNS + Waterfall.MAX_INDENT + Waterfall.MAX_LABEL + " ← cause, slow".length();
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(longest));
  }

  /**
   * A cart read with labels of ordinary length, up to {@code PHONE_WIDTH - FIXED_COLUMNS}
   * characters with their indentation and marker: every line fits a phone.
   *
   * <pre>
   * |=========== GET /api/cart ===========|  shop (entry)
   *  |= cart.load_items
   *   |= redis · HGET
   *    |========= db · SELECT ===========|   (took the time)
   *                          |=| cart.price ↻
   * </pre>
   */
  @Test
  void lines_ordinaryNames_everyLineFitsAPhone() {
    List<TimelineRow> rows =
        List.of(
            row(0, "shop", "GET /api/cart/{id}", 0, 950, Flag.PATH),
            row(1, "shop", "cart.load_items", 3, 820, Flag.PATH),
            row(2, "redis", "HGET", 5, 12),
            row(2, "db", "SELECT", 20, 800, Flag.PATH, Flag.SLOW),
            row(1, "shop", "cart.apply_discount", 830, 110, Flag.RECOVERED));

    List<String> lines = Waterfall.lines(rows, SECTION_TEXT);

    assertThat(lines)
        .hasSize(6)
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Waterfall.PHONE_WIDTH));
    assertThat(Waterfall.PHONE_WIDTH - FIXED_COLUMNS).isGreaterThanOrEqualTo(22);
  }

  @Test
  void lines_anyNames_barDurationAndMarkStayInTheFirstColumns() {
    List<String> lines = Waterfall.lines(DEMO_CHECKOUT, SECTION_TEXT);
    int labelColumn = labelColumn(lines);

    for (String line : lines.subList(1, lines.size())) {
      assertBarWithinItsCells(line);
      assertThat(line.substring(labelColumn - 2, labelColumn)).matches("[ ✗↻] ");
    }
    assertThat(labelColumn).isLessThanOrEqualTo(FIXED_COLUMNS);
  }

  /**
   * Names that would close the code block or be read as mentions and links.
   *
   * <pre>
   * |=== GET /search?q=a&b ===|  (entry)
   *  |== ```rm``` <@U123> ==|    (cause)
   * </pre>
   */
  @Test
  void codeBlock_backticksAndAngleBracketsInNames_cannotBreakTheBlock() {
    List<TimelineRow> rows =
        List.of(
            row(0, "web", "GET /search?q=a&b", 0, 100, Flag.FAILED, Flag.PATH),
            row(1, "web", "```rm``` <@U123>", 10, 80, Flag.FAILED, Flag.PATH, Flag.CAUSE));

    String block = Waterfall.codeBlock(rows, SECTION_TEXT);

    assertThat(block).startsWith("```\n").endsWith("\n```");
    assertThat(block.split("```", -1)).hasSize(3);
    assertThat(block).contains("GET /search?q=a&amp;b", "ˋˋˋrmˋˋˋ &lt;@U123&gt; ← cause");
  }

  @Test
  void codeBlock_namesThatGrowWhenEscaped_countTheirEscapesAndAreNeverCut() {
    List<TimelineRow> rows = new ArrayList<>();
    rows.add(row(0, "web", "&".repeat(60), 0, 1_000, Flag.FAILED, Flag.PATH, Flag.CAUSE));
    for (int i = 1; i < 40; i++) {
      rows.add(row(1, "web", "<>".repeat(20) + i, i * 10, 5));
    }

    List<String> lines = Waterfall.lines(rows, 900);
    String block = Waterfall.codeBlock(rows, 900 + Waterfall.CODE_BLOCK_OVERHEAD);

    assertThat(block.length()).isLessThanOrEqualTo(900 + Waterfall.CODE_BLOCK_OVERHEAD);
    assertThat(block)
        .isEqualTo("```\n" + Mrkdwn.escape(String.join("\n", lines)) + "\n```")
        .contains("&amp;".repeat(39) + "…");
    assertThat(lines.get(lines.size() - 1)).matches("… \\d+ more spans");
  }

  /**
   * A chain 5,000 spans deep, as a recursive call or a runaway retry loop leaves it.
   *
   * <pre>
   * |========== step 0 ==========|
   *  |========= step 1 =========|
   *   ...
   *              |= step 4999 =|   (cause)
   * </pre>
   */
  @Test
  void codeBlock_deepChain_capsTheIndentAndFitsWithoutRecursion() {
    List<TimelineRow> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Flag[] flags = i == 4_999 ? new Flag[] {Flag.CAUSE} : new Flag[] {Flag.PATH};
      rows.add(row(i, "svc", "step " + i, i, 10_000 - 2L * i, flags));
    }

    String block = Waterfall.codeBlock(rows, SECTION_TEXT);

    List<String> lines = List.of(block.split("\n")).subList(1, block.split("\n").length - 1);
    int labelColumn = labelColumn(lines);

    assertThat(block.length()).isLessThanOrEqualTo(SECTION_TEXT);
    assertThat(lines.get(1)).endsWith(" step 0");
    assertThat(lines.get(lines.size() - 2))
        .endsWith(" ".repeat(Waterfall.MAX_INDENT) + "step 4999 ← cause");
    assertThat(lines.subList(1, lines.size() - 1))
        .allSatisfy(line -> assertThat(line.substring(labelColumn)).matches(" {0,6}step \\d+.*"));
  }

  /**
   * Timestamps no clock wrote, as a broken exporter sends them: the range overflows a long.
   *
   * <pre>
   * | broken (entry), at Long.MIN_VALUE, lasting a negative time
   *                                   | far, near Long.MAX_VALUE, ending past it
   * </pre>
   */
  @Test
  void lines_timestampsAtTheEndsOfLong_clampInsteadOfOverflowing() {
    List<TimelineRow> rows =
        List.of(
            new TimelineRow(
                "a",
                "t",
                0,
                "svc",
                "broken",
                Long.MIN_VALUE,
                -5,
                TimelineRow.Mark.OK,
                true,
                false,
                false),
            new TimelineRow(
                "b",
                "t",
                1,
                "svc",
                "far",
                Long.MAX_VALUE - 10,
                100,
                TimelineRow.Mark.FAILED,
                true,
                true,
                false));

    List<String> lines = Waterfall.lines(rows, SECTION_TEXT);

    assertThat(lines).hasSize(3);
    assertThat(lines.subList(1, 3)).allSatisfy(WaterfallTest::assertBarWithinItsCells);
    assertThat(lines.get(1)).startsWith("▏ ");
    assertThat(lines.get(2)).startsWith(" ".repeat(Waterfall.BAR_CELLS - 1) + "▏ ");
  }

  @Test
  void lines_sameRowsTwice_sameLines() {
    assertThat(Waterfall.lines(DEMO_CHECKOUT, 700)).isEqualTo(Waterfall.lines(DEMO_CHECKOUT, 700));
  }

  @Test
  void lines_noRows_noLines() {
    assertThat(Waterfall.lines(List.of(), SECTION_TEXT)).isEmpty();
    assertThat(Waterfall.codeBlock(List.of(), SECTION_TEXT)).isEmpty();
  }

  @Test
  void lines_negativeBudget_isRefused() {
    assertThatThrownBy(() -> Waterfall.lines(FAILED_ORDER, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void bar_spans_fillWholeCellsThenAnEighthBlock() {
    assertThat(Waterfall.bar(0, 1)).isEqualTo("▏" + " ".repeat(11));
    assertThat(Waterfall.bar(8, 27)).isEqualTo(" ██▍" + " ".repeat(8));
    assertThat(Waterfall.bar(88, 96)).isEqualTo(" ".repeat(11) + "█");
    assertThat(Waterfall.bar(0, 96)).isEqualTo("█".repeat(12));
  }

  /** Returns where labels start: after the bar, the duration column, the mark and a space. */
  private static int labelColumn(List<String> lines) {
    int durationWidth = lines.get(0).length() - Waterfall.BAR_CELLS - 1;
    return Waterfall.BAR_CELLS + 1 + durationWidth + 3;
  }

  /** Checks that the line starts with exactly one bar of {@link Waterfall#BAR_CELLS} cells. */
  private static void assertBarWithinItsCells(String line) {
    String bar = line.substring(0, Waterfall.BAR_CELLS);
    assertThat(bar).matches(" *[█▏▎▍▌▋▊▉]+ *").matches(" *█*[▏▎▍▌▋▊▉]? *");
    assertThat(line.charAt(Waterfall.BAR_CELLS)).isEqualTo(' ');
  }

  /** Returns the row as a span of a linked trace, one with another trace ID. */
  private static TimelineRow linked(TimelineRow row) {
    return new TimelineRow(
        row.spanId(),
        "0af7651916cd43dd8448eb211c80319c",
        row.depth(),
        row.service(),
        row.name(),
        row.startEpochNanos(),
        row.durationNanos(),
        row.mark(),
        row.onPath(),
        row.culprit(),
        row.tookTheTime());
  }

  private static TimelineRow row(
      int depth, String service, String name, long startMs, long durationMs, Flag... flags) {
    Set<Flag> set = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.of(flags[0], flags);
    TimelineRow.Mark mark =
        set.contains(Flag.FAILED)
            ? TimelineRow.Mark.FAILED
            : set.contains(Flag.RECOVERED) ? TimelineRow.Mark.RECOVERED : TimelineRow.Mark.OK;
    return new TimelineRow(
        name.hashCode() + ":" + startMs,
        "4bf92f3577b34da6a3ce929d0e0e4736",
        depth,
        service,
        name,
        T0 + startMs * MS,
        durationMs * MS,
        mark,
        set.contains(Flag.PATH),
        set.contains(Flag.CAUSE),
        set.contains(Flag.SLOW));
  }
}
