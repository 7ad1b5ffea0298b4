package dev.tracelookup.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a 2xx body as it streams in; large traces are never held whole. An {@link IOException}
 * other than a broken connection means the body was not what the backend should have sent ({@link
 * HttpFailure.Kind#MALFORMED}): that is how a reader refuses hostile input. Anything else it throws
 * is a bug in the reader ({@link HttpFailure.Kind#INTERNAL}).
 */
@FunctionalInterface
public interface BodyReader<T> {
  T read(InputStream body) throws IOException;
}
