package dev.tracelookup.demo;

/** How a demo request ends; each scenario reacts to the outcomes that concern it. */
enum Outcome {
  OK,
  /** The payment gateway is unreachable: the write-up's incident INC-4521. */
  GATEWAY_DOWN,
  /** A database connection or statement times out. */
  DB_TIMEOUT,
  /** The client asked for something that is not there: a 404 that is not a failure. */
  NOT_FOUND,
  /** Elasticsearch answers 503 and search-svc passes on a 502. */
  SEARCH_BACKEND_DOWN,
  /** A wrong password: a 401 that is not a failure. */
  WRONG_PASSWORD,
  /** Out of stock: a 409 that is not a failure. */
  OUT_OF_STOCK,
  /** The order succeeds but the asynchronous confirmation mail fails. */
  MAILER_DOWN
}
