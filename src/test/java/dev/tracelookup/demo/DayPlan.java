package dev.tracelookup.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The shop's traffic on 2026-02-06: the write-up's customer {@code usr_k8x9m2} at fixed times, and
 * a few hundred sessions of other customers spread over the day, busier in the afternoon.
 *
 * <p>Two incidents shape the failures: the payment gateway is unreachable from 14:12 to 14:25 UTC
 * (INC-4521: every order fails), and Elasticsearch is down from 17:40 to 17:55 (most searches
 * fail). Outside them, a few requests fail on their own.
 */
final class DayPlan {
  static final String CUSTOMER = "usr_k8x9m2";
  static final String CUSTOMER_FAILED_ORDER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final Instant DAY = Instant.parse("2026-02-06T00:00:00Z");

  private static final int OTHER_USERS = 47;

  /** Customers whose orders failed in INC-4521's burst, and how many orders they tried. */
  static final int BURST_CUSTOMERS = 19;

  static final int BURST_ORDERS = 37;

  // The burst draws from a random of its own, appended after the day: the rest of the day, and the
  // files' layout of it, stay what they were before the burst was added.
  private static final long BURST_SEED = 4521L;
  private static final int SESSIONS = 520;

  /** Relative traffic per hour of the day (UTC). */
  private static final int[] HOURLY_WEIGHT = {
    2, 1, 1, 1, 1, 2, 3, 5, 7, 8, 9, 9, 10, 11, 12, 12, 11, 10, 9, 9, 8, 6, 4, 3
  };

  private final Random random;
  private final List<String> users;
  private final List<List<DemoSpan>> traces = new ArrayList<>();

  private DayPlan(Random random) {
    this.random = random;
    this.users = otherUsers(random);
  }

  /** Returns every trace of the day, each as its spans; the same seed gives the same day. */
  static List<List<DemoSpan>> traces(Random random) {
    DayPlan plan = new DayPlan(random);
    plan.customerDay();
    plan.exportAcrossNoon();
    for (int i = 0; i < SESSIONS; i++) {
      plan.session(plan.users.get(random.nextInt(plan.users.size())), plan.sessionStart());
    }
    plan.paymentBurst(new Random(BURST_SEED));
    return List.copyOf(plan.traces);
  }

  /** The write-up's customer: an earlier failure with another cause, the failed order, retries. */
  private void customerDay() {
    trace(at("09:41:07.512"), t -> OrderScenarios.listOrders(t, CUSTOMER, Outcome.DB_TIMEOUT));
    trace(at("09:41:31.090"), t -> OrderScenarios.listOrders(t, CUSTOMER, Outcome.OK));
    trace(at("11:20:02.377"), t -> GatewayScenarios.login(t, CUSTOMER, Outcome.OK));
    trace(at("11:20:09.815"), t -> GatewayScenarios.viewProfile(t, CUSTOMER, Outcome.OK));
    trace(at("14:05:12.640"), t -> OrderScenarios.listOrders(t, CUSTOMER, Outcome.OK));
    trace(at("14:08:40.221"), t -> GatewayScenarios.search(t, CUSTOMER, Outcome.OK));
    trace(at("14:16:51.904"), t -> GatewayScenarios.viewProduct(t, CUSTOMER, "prd_77120"));
    TraceBuilder failed = new TraceBuilder(random, CUSTOMER_FAILED_ORDER_TRACE, at("14:17:23.184"));
    OrderScenarios.placeOrder(failed, CUSTOMER, Outcome.GATEWAY_DOWN);
    traces.add(failed.spans());
    trace(at("14:21:05.733"), t -> OrderScenarios.listOrders(t, CUSTOMER, Outcome.OK));
    trace(at("16:02:44.018"), t -> OrderScenarios.placeOrder(t, CUSTOMER, Outcome.OK));
  }

  /**
   * INC-4521 as the rest of the shop met it: while the payment gateway was unreachable, 19 more
   * customers (who do nothing else that day) tried to order 37 times between 14:12 and 14:25 UTC,
   * and each order failed exactly as {@code usr_k8x9m2}'s did; the card's blast radius counts them.
   */
  private void paymentBurst(Random burst) {
    List<String> customers = new ArrayList<>(newUsers(burst, BURST_CUSTOMERS));
    for (int i = 0; i < BURST_ORDERS; i++) {
      String user = customers.get(i % customers.size());
      Instant start = at("14:12:00").plusMillis(burst.nextInt(13 * 60 * 1000 - 5_000));
      TraceBuilder order = new TraceBuilder(burst, TraceBuilder.randomTraceId(burst), start);
      OrderScenarios.placeOrder(order, user, Outcome.GATEWAY_DOWN);
      traces.add(order.spans());
    }
  }

  /** Returns customers unlike any of the day's others, so their lookups are unchanged. */
  private List<String> newUsers(Random burst, int count) {
    Set<String> known = new LinkedHashSet<>(users);
    known.add(CUSTOMER);
    List<String> fresh = new ArrayList<>();
    while (fresh.size() < count) {
      String id = randomUser(burst);
      if (known.add(id)) {
        fresh.add(id);
      }
    }
    return fresh;
  }

  /**
   * A slow export that runs over noon, when the collector's file rotates: its spans land in both
   * files.
   */
  private void exportAcrossNoon() {
    trace(at("11:59:50.250"), t -> OrderScenarios.exportOrders(t, users.get(0)));
  }

  private void session(String user, Instant start) {
    Instant next = start;
    if (random.nextInt(4) == 0) {
      trace(
          next,
          t -> GatewayScenarios.login(t, user, chance(10) ? Outcome.WRONG_PASSWORD : Outcome.OK));
      next = next.plusMillis(2_000 + random.nextInt(8_000));
    }
    int requests = 1 + random.nextInt(4);
    for (int i = 0; i < requests; i++) {
      request(user, next);
      next = next.plusMillis(4_000 + random.nextInt(50_000));
    }
  }

  private void request(String user, Instant at) {
    int pick = random.nextInt(100);
    if (pick < 30) {
      Outcome outcome =
          inWindow(at, "17:40", "17:55") && chance(70) || chance(2)
              ? Outcome.SEARCH_BACKEND_DOWN
              : Outcome.OK;
      trace(at, t -> GatewayScenarios.search(t, user, outcome));
    } else if (pick < 50) {
      String product = "prd_" + (10_000 + random.nextInt(90_000));
      trace(at, t -> GatewayScenarios.viewProduct(t, user, product));
    } else if (pick < 65) {
      Outcome outcome = chance(2) ? Outcome.DB_TIMEOUT : Outcome.OK;
      trace(at, t -> OrderScenarios.listOrders(t, user, outcome));
    } else if (pick < 75) {
      String order = "ord_" + (100_000 + random.nextInt(900_000));
      Outcome outcome = chance(15) ? Outcome.NOT_FOUND : Outcome.OK;
      trace(at, t -> OrderScenarios.getOrder(t, user, outcome, order));
    } else if (pick < 90) {
      trace(at, t -> OrderScenarios.placeOrder(t, user, orderOutcome(at)));
    } else {
      Outcome outcome = chance(2) ? Outcome.DB_TIMEOUT : Outcome.OK;
      trace(at, t -> GatewayScenarios.viewProfile(t, user, outcome));
    }
  }

  private Outcome orderOutcome(Instant at) {
    if (inWindow(at, "14:12", "14:25")) {
      return Outcome.GATEWAY_DOWN;
    }
    int pick = random.nextInt(100);
    return pick < 3 ? Outcome.OUT_OF_STOCK : pick < 7 ? Outcome.MAILER_DOWN : Outcome.OK;
  }

  private void trace(Instant start, Scenario scenario) {
    TraceBuilder builder = new TraceBuilder(random, TraceBuilder.randomTraceId(random), start);
    scenario.build(builder);
    traces.add(builder.spans());
  }

  private Instant sessionStart() {
    int total = 0;
    for (int weight : HOURLY_WEIGHT) {
      total += weight;
    }
    int pick = random.nextInt(total);
    int hour = 0;
    while (pick >= HOURLY_WEIGHT[hour]) {
      pick -= HOURLY_WEIGHT[hour++];
    }
    // A session lasts at most about four minutes; starting by 23:50 keeps it within the day.
    long second = Math.min(hour * 3600L + random.nextInt(3600), 23 * 3600L + 50 * 60);
    return DAY.plusSeconds(second).plusMillis(random.nextInt(1000));
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private static boolean inWindow(Instant at, String from, String to) {
    return !at.isBefore(at(from + ":00")) && at.isBefore(at(to + ":00"));
  }

  private static Instant at(String timeOfDay) {
    return Instant.parse("2026-02-06T" + timeOfDay + "Z");
  }

  private static List<String> otherUsers(Random random) {
    Set<String> users = new LinkedHashSet<>();
    while (users.size() < OTHER_USERS) {
      String id = randomUser(random);
      if (!id.equals(CUSTOMER)) {
        users.add(id);
      }
    }
    return List.copyOf(users);
  }

  private static String randomUser(Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder id = new StringBuilder("usr_");
    for (int i = 0; i < 6; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  /** Builds one trace's spans. */
  private interface Scenario {
    void build(TraceBuilder trace);
  }
}
