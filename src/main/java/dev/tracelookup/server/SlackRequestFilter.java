package dev.tracelookup.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards {@code /slack/events}: refuses bodies over the size limit before reading them, and
 * requests whose signature or timestamp is wrong, before Bolt sees anything.
 */
final class SlackRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(SlackRequestFilter.class);

  private final transient SlackSignature signature;
  private final int maxBodyBytes;

  SlackRequestFilter(SlackSignature signature, int maxBodyBytes) {
    this.signature = signature;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      JsonReplies.error(response, 413, "request body too large");
      return;
    }
    Optional<byte[]> body = readBounded(request.getInputStream());
    if (body.isEmpty()) {
      JsonReplies.error(response, 413, "request body too large");
      return;
    }
    Optional<String> refusal =
        signature.refusal(
            request.getHeader("X-Slack-Request-Timestamp"),
            request.getHeader("X-Slack-Signature"),
            body.get());
    if (refusal.isPresent()) {
      log.warn(
          "refused a request to /slack/events from {}: {}. If every request is refused, check "
              + "SLACK_SIGNING_SECRET and the server clock.",
          request.getRemoteAddr(),
          refusal.get());
      JsonReplies.error(response, 401, "invalid request");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body.get()), response);
  }

  private Optional<byte[]> readBounded(InputStream in) throws IOException {
    byte[] body = in.readNBytes(maxBodyBytes + 1);
    return body.length > maxBodyBytes ? Optional.empty() : Optional.of(body);
  }
}
