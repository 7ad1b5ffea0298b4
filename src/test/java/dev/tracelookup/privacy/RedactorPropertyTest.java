package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the text, redaction answers, settles after one pass, and lets no planted secret through.
 */
final class RedactorPropertyTest {
  /** Pieces of every shape, of their masks and of the punctuation between, to meet in odd ways. */
  private static final List<String> FRAGMENTS =
      List.of(
          "jane@acme.io",
          "a",
          "Z9",
          "@",
          "%40",
          ".",
          "-",
          "_",
          " ",
          "  ",
          "\t",
          "\n",
          "=",
          ":",
          "=>",
          "\"",
          "'",
          "\\",
          "\\\"",
          "{",
          "}",
          "[",
          "]",
          "(",
          ")",
          ",",
          ";",
          "&",
          "?",
          "/",
          "://",
          "https://",
          "u:p@h.io",
          "password",
          "token",
          "api_key",
          "Authorization",
          "Bearer",
          "Basic",
          "token ",
          "dXNlcjpwYXNzd29yZA==",
          "eyJhbGciOiJIUzI1NiJ9",
          "eyJzdWIiOiIxIn0",
          "sig_AbC-123",
          "sk_live_",
          "4eC39HqLyjWDarjtT1zdp7dc",
          "AKIA",
          "IOSFODNN7EXAMPLE",
          "AIza",
          "xoxb-",
          "4242",
          "424",
          "4242 4242 4242 4242",
          "4111-1111-1111-1111",
          "4111111111111111",
          "378282246310005",
          "1234",
          "12",
          "•",
          "••••4242",
          "[redacted]",
          "[email]",
          "yes",
          "+44",
          "(0)",
          "(415) ",
          "555-2671",
          "phone ",
          "DE89",
          "3704 0044 0532 0130 00",
          "::",
          "10.0.0.1",
          "fe80",
          "-----BEGIN PRIVATE KEY-----",
          "-----END PRIVATE KEY-----",
          "\\n",
          "session=",
          "?code=",
          "&",
          "dob=",
          "＠",
          "。",
          "４２４２",
          "123-45-6789",
          "[ip]",
          "[phone]",
          "[iban]",
          "[ssn]",
          "sk-proj-",
          "npm_",
          "%40");

  private final Redactor redactor = new Redactor();

  @Property(tries = 2_000)
  void redact_anyText_isIdempotent(@ForAll String text) {
    String once = redactor.redact(text);

    assertThat(redactor.redact(once)).isEqualTo(once);
  }

  @Property(tries = 10_000)
  void redact_fragmentSoup_isIdempotent(@ForAll("soups") String text) {
    String once = redactor.redact(text);

    assertThat(redactor.redact(once)).isEqualTo(once);
  }

  @Property(tries = 3_000)
  void redact_plantedSecret_neverSurvivesVerbatim(
      @ForAll("secrets") String secret,
      @ForAll String text,
      @ForAll @IntRange(max = 10_000) int at) {
    int position = Math.floorMod(at, text.length() + 1);
    String planted = text.substring(0, position) + " " + secret + " " + text.substring(position);

    String redacted = redactor.redact(planted);

    assertThat(redacted).doesNotContain(secret);
  }

  @Provide
  Arbitrary<String> soups() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(12).map(pieces -> String.join("", pieces));
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.oneOf(
        cardNumbers(), emails(), stripeKeys(), phoneNumbers(), ipv4Addresses(), ibans());
  }

  private static Arbitrary<String> cardNumbers() {
    Arbitrary<String> body =
        Combinators.combine(
                Arbitraries.integers().between(2, 6),
                Arbitraries.strings().numeric().ofMinLength(11).ofMaxLength(17))
            .as((network, digits) -> network + digits);
    return Combinators.combine(
            body.map(RedactorPropertyTest::withCheckDigit), Arbitraries.of(" ", "-", ""))
        .as(RedactorPropertyTest::grouped);
  }

  private static Arbitrary<String> emails() {
    Arbitrary<String> local =
        Arbitraries.strings().withChars("abcxyz019._+-").ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> label =
        Combinators.combine(
                Arbitraries.strings().withChars("abz09").ofLength(1),
                Arbitraries.strings().withChars("abz09-").ofMaxLength(10))
            .as(String::concat);
    Arbitrary<String> tld =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
    return Combinators.combine(local, label.list().ofMinSize(1).ofMaxSize(3), tld)
        .as((user, labels, top) -> user + "@" + String.join(".", labels) + "." + top);
  }

  private static Arbitrary<String> stripeKeys() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .ofMinLength(16)
        .ofMaxLength(32)
        .map(key -> "sk_live_" + key);
  }

  /**
   * International numbers as people write them: +, a country code, groups split one way, 8 to 15
   * digits.
   */
  private static Arbitrary<String> phoneNumbers() {
    Arbitrary<List<String>> groups =
        Arbitraries.strings()
            .numeric()
            .ofMinLength(2)
            .ofMaxLength(4)
            .list()
            .ofMinSize(3)
            .ofMaxSize(4);
    return Combinators.combine(
            Arbitraries.integers().between(1, 99), groups, Arbitraries.of(" ", "-", "."))
        .as(
            (country, parts, separator) ->
                "+" + country + separator + String.join(separator, parts))
        .filter(
            number ->
                number.chars().filter(Character::isDigit).count() >= 8
                    && number.chars().filter(Character::isDigit).count() <= 15);
  }

  /** Addresses outside loopback, unspecified and netmask values, which are kept on purpose. */
  private static Arbitrary<String> ipv4Addresses() {
    Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
    return Combinators.combine(
            Arbitraries.integers().between(1, 254).filter(first -> first != 127),
            octet,
            octet,
            octet)
        .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
  }

  /** German IBANs with the check digits that make them valid. */
  private static Arbitrary<String> ibans() {
    return Arbitraries.strings()
        .numeric()
        .ofLength(18)
        .map(
            account -> {
              for (int check = 2; check <= 98; check++) {
                String iban = "DE" + String.format("%02d", check) + account;
                if (Ibans.checks(iban)) {
                  return iban;
                }
              }
              throw new AssertionError("no IBAN check digits for " + account);
            });
  }

  /** Appends the digit that makes the number pass the Luhn check. */
  private static String withCheckDigit(String digits) {
    for (char check = '0'; check <= '9'; check++) {
      if (CardNumbers.isCardNumber(digits + check)) {
        return digits + check;
      }
    }
    throw new AssertionError("no Luhn check digit for " + digits);
  }

  /**
   * Writes the number the way cards are printed: 4-4-4-4, 4-4-4-4-3, 4-6-5 or 4-6-4; else whole.
   */
  private static String grouped(String number, String separator) {
    List<Integer> groups;
    switch (number.length()) {
      case 14:
        groups = List.of(4, 6, 4);
        break;
      case 15:
        groups = List.of(4, 6, 5);
        break;
      case 16:
        groups = List.of(4, 4, 4, 4);
        break;
      case 19:
        groups = List.of(4, 4, 4, 4, 3);
        break;
      default:
        return number;
    }
    StringBuilder text = new StringBuilder();
    int start = 0;
    for (int length : groups) {
      text.append(start == 0 ? "" : separator).append(number, start, start + length);
      start += length;
    }
    return text.toString();
  }
}
