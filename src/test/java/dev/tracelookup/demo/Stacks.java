package dev.tracelookup.demo;

/** Exceptions the demo services record, with stack traces in each runtime's own format. */
final class Stacks {
  static final String GATEWAY_TIMEOUT =
      """
      ConnectionRefusedError: payment gateway timeout
          at PaymentClient.charge (/app/src/clients/payment-client.js:88:13)
          at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
          at async ChargeService.processCharge (/app/src/services/charge-service.js:41:20)
          at async OrderController.create (/app/src/controllers/order-controller.js:57:7)\
      """;

  static final String KNEX_POOL_TIMEOUT =
      """
      KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full. \
      Are you missing a .transacting(trx) call?
          at Client_PG.acquireConnection (/app/node_modules/knex/lib/client.js:312:26)
          at async Runner.ensureConnection (/app/node_modules/knex/lib/execution/runner.js:287:28)
          at async OrderRepository.listForUser (/app/src/repositories/order-repository.js:23:18)
          at async OrderController.list (/app/src/controllers/order-controller.js:31:20)\
      """;

  static final String STATEMENT_TIMEOUT =
      """
      Traceback (most recent call last):
        File "/app/user_svc/repository.py", line 54, in find_user
          cursor.execute(FIND_USER_SQL, (user_id,))
        File "/usr/local/lib/python3.12/site-packages/psycopg2/extras.py", line 236, in execute
          return super().execute(query, vars)
      psycopg2.errors.QueryCanceled: canceling statement due to statement timeout\
      """;

  static final String ELASTICSEARCH_UNAVAILABLE =
      """
      co.elastic.clients.transport.TransportException: node: http://elasticsearch:9200/, status: 503, \
      [es/search] Failed to decode error response
      \tat co.elastic.clients.transport.ElasticsearchTransportBase.getApiResponse(ElasticsearchTransportBase.java:354)
      \tat co.elastic.clients.transport.ElasticsearchTransportBase.performRequest(ElasticsearchTransportBase.java:147)
      \tat co.elastic.clients.elasticsearch.ElasticsearchClient.search(ElasticsearchClient.java:1897)
      \tat com.shop.search.ProductSearch.find(ProductSearch.java:61)\
      """;

  static final String MAILER_UNAVAILABLE =
      """
      Traceback (most recent call last):
        File "/app/notification_svc/mailer.py", line 41, in send_order_confirmation
          response.raise_for_status()
        File "/usr/local/lib/python3.12/site-packages/requests/models.py", line 1024, in raise_for_status
          raise HTTPError(http_error_msg, response=self)
      requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: \
      https://api.mailer.example/v3/mail/send\
      """;

  private Stacks() {}
}
