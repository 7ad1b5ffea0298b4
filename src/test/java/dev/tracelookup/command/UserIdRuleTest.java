package dev.tracelookup.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class UserIdRuleTest {
  private final UserIdRule usual = new UserIdRule(Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$"));

  @Test
  void problem_usualPattern_namesOffendingAndAllowedCharacters() {
    String problem = usual.problem("usr 1/2");

    assertThat(problem)
        .startsWith(
            "`usr 1/2` is not a user ID (` /` cannot be in one). User IDs use letters, "
                + "digits and `_ . : @ + -`, up to 128 characters");
  }

  @Test
  void problem_tooLong_namesNoCharacter() {
    String problem = usual.problem("a".repeat(129));

    assertThat(problem).doesNotContain("cannot be in one").contains("up to 128 characters");
  }

  @Test
  void problem_otherPattern_quotesIt() {
    UserIdRule digitsOnly = new UserIdRule(Pattern.compile("\\d{6,10}"));

    String problem = digitsOnly.problem("usr_1");

    assertThat(problem).contains("User IDs must match `\\d{6,10}`");
  }

  @Test
  void accepts_matchingId_isTrue() {
    boolean accepted = usual.accepts("usr_k8x9m2");

    assertThat(accepted).isTrue();
  }
}
