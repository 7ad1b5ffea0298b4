package dev.tracelookup.incidents;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A source that answers from a script, repeating its last answer, and records what it was asked.
 */
final class ScriptedSource implements IncidentSource {
  private final String name;
  private final Deque<Supplier<SourceResult>> answers = new ArrayDeque<>();
  private final List<Instant[]> asked = new ArrayList<>();

  ScriptedSource(String name) {
    this.name = name;
  }

  ScriptedSource answers(Incident... incidents) {
    answers.add(() -> new SourceResult.Fetched(List.of(incidents)));
    return this;
  }

  ScriptedSource fails(String detail) {
    answers.add(() -> new SourceResult.Failed(detail));
    return this;
  }

  ScriptedSource throwsBug() {
    answers.add(
        () -> {
          throw new IllegalStateException("bug in a source");
        });
    return this;
  }

  /** Returns each fetch's range as {@code [from, to]}. */
  List<Instant[]> asked() {
    return asked;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceResult fetch(Instant from, Instant to) {
    asked.add(new Instant[] {from, to});
    Supplier<SourceResult> answer = answers.size() > 1 ? answers.poll() : answers.peek();
    return answer.get();
  }
}
