package dev.tracelookup.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class SlackSignatureTest {
  // Slack's published test vector (docs "Verifying requests from Slack").
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TIMESTAMP = "1531420618";
  private static final byte[] BODY =
      ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
           + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
           + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
           + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
          .getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static SlackSignature at(long epochSecond) {
    return new SlackSignature(
        SECRET,
        Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC),
        Duration.ofMinutes(5));
  }

  @Test
  void sign_slackTestVector_matchesPublishedSignature() {
    assertThat(at(1531420618).sign(TIMESTAMP, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void refusal_freshAndCorrect_accepts() {
    assertThat(at(1531420618 + 60).refusal(TIMESTAMP, EXPECTED, BODY)).isEmpty();
  }

  @Test
  void refusal_olderThanTolerance_refuses() {
    assertThat(at(1531420618 + 301).refusal(TIMESTAMP, EXPECTED, BODY))
        .contains("timestamp is 301 s away from now");
  }

  @Test
  void refusal_fromTheFutureBeyondTolerance_refuses() {
    // Bolt 1.47 accepts this one; a pre-dated capture must not be replayable later.
    assertThat(at(1531420618 - 301).refusal(TIMESTAMP, EXPECTED, BODY))
        .contains("timestamp is 301 s away from now");
  }

  @Test
  void refusal_bodyChangedByOneByte_refuses() {
    byte[] tampered = BODY.clone();
    tampered[tampered.length - 1] = 'd';

    assertThat(at(1531420618).refusal(TIMESTAMP, EXPECTED, tampered))
        .contains("signature does not match");
  }

  @Test
  void refusal_missingOrGarbledHeaders_refuses() {
    SlackSignature signature = at(1531420618);

    assertThat(signature.refusal(null, EXPECTED, BODY)).isPresent();
    assertThat(signature.refusal(TIMESTAMP, null, BODY)).isPresent();
    assertThat(signature.refusal("soon", EXPECTED, BODY)).contains("timestamp is not a number");
    assertThat(signature.refusal(TIMESTAMP, "v0=", BODY)).contains("signature does not match");
  }
}
