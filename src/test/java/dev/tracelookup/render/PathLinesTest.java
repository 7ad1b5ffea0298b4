package dev.tracelookup.render;

import static dev.tracelookup.render.RenderFixtures.failed;
import static dev.tracelookup.render.RenderFixtures.ok;
import static dev.tracelookup.render.RenderFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class PathLinesTest {
  private static final Span ENTRY =
      span("00000000000000e1", "", "GET /checkout", SpanKind.SERVER, 0, 100);
  private static final Span CALL =
      span("00000000000000c1", "00000000000000e1", "charge", SpanKind.CLIENT, 10, 50);
  private static final ExceptionInfo TIMEOUT =
      new ExceptionInfo("TimeoutError", "took too long", List.of());

  @Test
  void of_writeUpPath_drawsTheWriteUpLines() {
    ErrorPath path = RenderFixtures.writeUp().analysis().errorPath().orElseThrow();

    PathLines.Drawing drawing = PathLines.of(path);

    assertThat(drawing.lines())
        .containsExactlyElementsOf(RenderFixtures.WRITE_UP_LINES.subList(1, 6));
    assertThat(drawing.culpritLine()).isEqualTo(3);
  }

  /**
   *
   *
   * <pre>
   * GET /checkout
   *   ✅ load.cart
   *   ❌ charge          (next step, expanded)
   *      TimeoutError: took too long
   *   ✅ audit.record    (after the subtree)
   * </pre>
   */
  @Test
  void of_childrenAfterTheNextStep_comeAfterItsSubtree() {
    PathStep entry =
        RenderFixtures.step(
            ENTRY,
            500,
            Optional.empty(),
            List.of(
                ok("00000000000000a1", "load.cart"),
                failed("00000000000000c1", "charge", 0),
                ok("00000000000000a2", "audit.record")));
    PathStep call = RenderFixtures.step(CALL, 0, Optional.of(TIMEOUT), List.of());

    List<String> lines =
        PathLines.of(new ErrorPath(List.of(entry, call), 0, List.of(), false)).lines();

    assertThat(lines)
        .containsExactly(
            "  ✅ load.cart", "  ❌ charge", "     TimeoutError: took too long", "  ✅ audit.record");
  }

  @Test
  void of_childOfAnotherService_namesTheService() {
    SpanOutcome db = new SpanOutcome("00000000000000d1", "orders-db", "SELECT orders", true, 0);
    PathStep entry = RenderFixtures.step(ENTRY, 500, Optional.empty(), List.of(db));

    List<String> lines = PathLines.of(new ErrorPath(List.of(entry), 0, List.of(), false)).lines();

    assertThat(lines).containsExactly("  ❌ orders-db · SELECT orders");
  }

  /** A gRPC call is named with its status, and a call that was retried successfully says so. */
  @Test
  void of_grpcAndRetriedChildren_nameTheStatusAndTheRetry() {
    SpanOutcome charge =
        new SpanOutcome(
            "00000000000000d2",
            "svc",
            "PaymentService/Charge",
            true,
            0,
            false,
            Optional.of(dev.tracelookup.trace.GrpcStatus.UNAVAILABLE));
    SpanOutcome cache =
        new SpanOutcome("00000000000000d3", "svc", "GET", true, 0, true, Optional.empty());
    PathStep entry = RenderFixtures.step(ENTRY, 500, Optional.empty(), List.of(cache, charge));

    List<String> lines = PathLines.of(new ErrorPath(List.of(entry), 0, List.of(), false)).lines();

    assertThat(lines)
        .containsExactly(
            "  🔁 svc · GET (retried)", "  ❌ svc · PaymentService/Charge → 14 UNAVAILABLE");
  }

  @Test
  void of_sameExceptionRecordedOnEveryLevel_showsItOnlyWhereRaised() {
    PathStep entry =
        RenderFixtures.step(
            ENTRY, 500, Optional.of(TIMEOUT), List.of(failed("00000000000000c1", "charge", 504)));
    PathStep call = RenderFixtures.step(CALL, 504, Optional.of(TIMEOUT), List.of());

    List<String> lines =
        PathLines.of(new ErrorPath(List.of(entry, call), 0, List.of(), false)).lines();

    assertThat(lines)
        .containsExactly("  ❌ charge → 504 Gateway Timeout", "     TimeoutError: took too long");
  }

  @Test
  void of_hiddenChildren_saysHowManyMore() {
    PathStep entry =
        new PathStep(ENTRY, true, 500, Optional.empty(), List.of(ok("00000000000000a1", "a")), 7);

    List<String> lines = PathLines.of(new ErrorPath(List.of(entry), 0, List.of(), false)).lines();

    assertThat(lines).containsExactly("  ✅ a", "  +7 more");
  }

  @Test
  void of_nextStepNotAmongChildren_drawsItAfterThem() {
    PathStep entry =
        new PathStep(ENTRY, true, 500, Optional.empty(), List.of(ok("00000000000000a1", "a")), 3);
    PathStep call = RenderFixtures.step(CALL, 502, Optional.empty(), List.of());

    List<String> lines =
        PathLines.of(new ErrorPath(List.of(entry, call), 0, List.of(), false)).lines();

    assertThat(lines).containsExactly("  ✅ a", "  +3 more", "  ❌ charge → 502 Bad Gateway");
  }

  @Test
  void of_fiveHundredChildren_listsTheNextStepAndFailingOnesWithinTheCap() {
    List<SpanOutcome> children = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      children.add(
          i == 400
              ? failed("00000000000000c1", "charge", 0)
              : ok(String.format("%016x", i + 0x100), "child" + i));
    }
    children.set(450, failed("0000000000000fff", "other.failure", 0));
    PathStep entry = RenderFixtures.step(ENTRY, 500, Optional.empty(), children);
    PathStep call = RenderFixtures.step(CALL, 0, Optional.of(TIMEOUT), List.of());

    List<String> lines =
        PathLines.of(new ErrorPath(List.of(entry, call), 0, List.of(), false)).lines();

    assertThat(lines).hasSize(PathLines.MAX_CHILDREN_SHOWN + 2);
    assertThat(lines)
        .containsSubsequence(
            "  ✅ child0",
            "  ❌ charge",
            "     TimeoutError: took too long",
            "  ❌ other.failure",
            "  +490 more");
  }

  @Test
  void of_tenThousandSteps_drawsWithoutRecursionAndCapsIndentation() {
    ErrorPath path = RenderFixtures.hugePath(10_000, 1, 10);

    PathLines.Drawing drawing = PathLines.of(path);

    assertThat(drawing.lines().get(drawing.culpritLine())).contains("step-9999-");
    assertThat(drawing.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(120));
  }
}
