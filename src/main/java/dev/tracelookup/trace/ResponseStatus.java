package dev.tracelookup.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * What a span says it answered or received: an HTTP status or a gRPC status.
 *
 * @param protocol which of the two
 * @param code the HTTP status (100–999) or the gRPC code (0–16)
 */
public record ResponseStatus(Protocol protocol, int code) {
  static final int GATEWAY_TIMEOUT = 504;
  // nginx's "client closed request": the customer gave up before the answer came.
  static final int CLIENT_CLOSED_REQUEST = 499;

  /** The protocols whose statuses the verdict reads. */
  public enum Protocol {
    HTTP,
    GRPC
  }

  public ResponseStatus {
    Objects.requireNonNull(protocol, "protocol");
  }

  public static ResponseStatus http(int code) {
    return new ResponseStatus(Protocol.HTTP, code);
  }

  public static ResponseStatus grpc(GrpcStatus status) {
    return new ResponseStatus(Protocol.GRPC, status.code());
  }

  /** Returns the gRPC status, empty for HTTP. */
  public Optional<GrpcStatus> grpcStatus() {
    return protocol == Protocol.GRPC ? GrpcStatus.of(code) : Optional.empty();
  }

  /** Returns whether the answer was a success: HTTP 1xx–3xx, gRPC OK. */
  public boolean isSuccess() {
    return protocol == Protocol.HTTP ? code < 400 : code == 0;
  }

  /**
   * Returns whether the answer blames the caller: HTTP 4xx except 499, or a gRPC code that is
   * neither OK, nor the server's fault, nor a call given up on.
   */
  public boolean isRefusal() {
    if (protocol == Protocol.HTTP) {
      return code >= 400 && code < 500 && code != CLIENT_CLOSED_REQUEST;
    }
    return grpcStatus()
        .map(s -> s != GrpcStatus.OK && !s.isServerFault() && !s.isGivenUp())
        .orElse(false);
  }

  /**
   * Returns whether the answer says someone stopped waiting: HTTP 504, nginx's 499 (the client
   * closed the connection), gRPC DEADLINE_EXCEEDED or CANCELLED.
   */
  public boolean isGivenUp() {
    if (protocol == Protocol.HTTP) {
      return code == GATEWAY_TIMEOUT || code == CLIENT_CLOSED_REQUEST;
    }
    return grpcStatus().map(GrpcStatus::isGivenUp).orElse(false);
  }
}
