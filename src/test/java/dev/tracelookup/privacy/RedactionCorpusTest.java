package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The redaction corpus in {@code src/test/resources/redaction/}: every kind of personal data and
 * secret the security review found leaking, each with the look-alikes that must stay as written.
 */
final class RedactionCorpusTest {
  /** The kinds issue 12 (item 4) names, one file each; the test fails when one goes missing. */
  private static final List<String> KINDS =
      List.of(
          "phone-numbers",
          "ibans",
          "ip-addresses",
          "us-ssns",
          "dates-of-birth",
          "session-cookies",
          "oauth-codes",
          "pem-private-keys",
          "cloud-keys",
          "card-numbers",
          "emails",
          "bearer-tokens",
          "url-userinfo");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Redactor redactor = new Redactor();

  static Stream<Arguments> masked() {
    return cases("masked").map(c -> argumentSet(c.name(), c.text(), c.redacted()));
  }

  static Stream<Arguments> kept() {
    return cases("kept").map(c -> argumentSet(c.name(), c.text()));
  }

  @ParameterizedTest
  @MethodSource("masked")
  void redact_corpusPersonalDataOrSecret_isMasked(String text, String expected) {
    String redacted = redactor.redact(text);

    assertThat(redacted).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("masked")
  void redact_corpusMaskedTwice_isUnchanged(String text, String expected) {
    String once = redactor.redact(text);

    assertThat(redactor.redact(once)).isEqualTo(once);
  }

  @ParameterizedTest
  @MethodSource("kept")
  void redact_corpusLookAlike_staysAsItIs(String text) {
    String redacted = redactor.redact(text);

    assertThat(redacted).isEqualTo(text);
  }

  @Test
  void corpus_coversEveryKindTheIssueNames() {
    List<String> files =
        files().stream().map(RedactionCorpusTest::kind).collect(Collectors.toList());

    assertThat(files).containsAll(KINDS);
    for (String kind : KINDS) {
      JsonNode corpus = read(directory().resolve(kind + ".yml"));
      assertThat(corpus.path("masked").size()).as(kind + " masked cases").isPositive();
      assertThat(corpus.path("kept").size()).as(kind + " look-alikes").isPositive();
    }
  }

  private record Case(String name, String text, String redacted) {}

  private static Stream<Case> cases(String list) {
    List<Case> cases = new ArrayList<>();
    for (Path file : files()) {
      for (JsonNode entry : read(file).path(list)) {
        String text = entry.path("text").asText();
        cases.add(
            new Case(
                kind(file) + ": " + entry.path("case").asText(),
                text,
                entry.path("redacted").asText(text)));
      }
    }
    return cases.stream();
  }

  private static List<Path> files() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .filter(file -> file.toString().endsWith(".yml"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static Path directory() {
    try {
      return Path.of(RedactionCorpusTest.class.getResource("/redaction").toURI());
    } catch (URISyntaxException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static String kind(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".yml".length());
  }
}
