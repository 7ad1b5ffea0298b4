package dev.tracelookup.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a 2xx body as it streams in; large traces are never held whole. An {@link IOException}
 * other than a broken connection means the body was not what the backend should have sent.
 */
@FunctionalInterface
public interface BodyReader<T> {
  T read(InputStream body) throws IOException;
}
