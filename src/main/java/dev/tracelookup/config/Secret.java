package dev.tracelookup.config;

import java.util.Objects;

/** A secret from the environment; its {@code toString()} never shows the value. */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
