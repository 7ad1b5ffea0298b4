package dev.tracelookup.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

final class CommandSyntaxTest {
  private final LookupRequestParser parser =
      LookupRequestParserTest.parserAt(Instant.parse("2026-02-07T12:00:00Z"));

  @ParameterizedTest
  @FieldSource("dev.tracelookup.command.CommandSyntax#EXAMPLES")
  void examples_eachOne_isReadAsALookup(String example) {
    ParseResult result = parser.parse(example, ZoneId.of("America/New_York"));

    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
  }

  @Test
  void usage_configuredDefaults_areStated() {
    String usage = CommandSyntax.usage(Duration.ofMinutes(20), Duration.ofHours(3));

    assertThat(usage).contains("searched ±20 min").contains("nothing: the last 3 hours");
  }

  @Test
  void usage_everyExample_isShown() {
    String usage = CommandSyntax.usage(Duration.ofMinutes(15), Duration.ofHours(2));

    assertThat(CommandSyntax.EXAMPLES)
        .allSatisfy(example -> assertThat(usage).contains("`/trace-lookup " + example + "`"));
  }
}
