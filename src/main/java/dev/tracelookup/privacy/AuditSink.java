package dev.tracelookup.privacy;

/** Where audit lines go: standard output, or a rotating file. */
@FunctionalInterface
public interface AuditSink {

  /** Appends one line (without its line break). */
  void write(String line);
}
