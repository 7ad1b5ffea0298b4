package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class RedactorTest {
  /** A signed JWT: header {"alg":"HS256","typ":"JWT"}, a subject claim, a fake signature. */
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
          + ".eyJzdWIiOiJ1c3JfazhYOW0yIiwiZXhwIjoxNzcwMzg3NDQzfQ"
          + ".Xb3kq_9fR2tLm-4vP0sW8yZ1aC6dE7gH5jK2nM3oQ4U";

  private final Redactor redactor = new Redactor();

  static Stream<Arguments> secrets() {
    return Stream.of(
        argumentSet(
            "card in groups, email, exception message",
            "PaymentDeclinedException: Card 4242 4242 4242 4242 declined for jane@acme.io",
            "PaymentDeclinedException: Card ••••4242 declined for [email]"),
        argumentSet(
            "card with dashes in key-value text",
            "charge failed: card=4111-1111-1111-1111 cvc_check=fail",
            "charge failed: card=••••1111 cvc_check=fail"),
        argumentSet(
            "card without separators",
            "issuer rejected PAN 5555555555554444 (do_not_honor)",
            "issuer rejected PAN ••••4444 (do_not_honor)"),
        argumentSet(
            "Amex written 4-6-5", "amex 3782 822463 10005 expired", "amex ••••0005 expired"),
        argumentSet("13-digit Visa", "legacy card 4222222222222.", "legacy card ••••2222."),
        argumentSet("19-digit card", "card 6011 1111 1111 1111 110 saved", "card ••••1110 saved"),
        argumentSet(
            "card in a JSON body",
            "{\"pan\":\"4000056655665556\",\"exp\":\"12/29\"}",
            "{\"pan\":\"••••5556\",\"exp\":\"12/29\"}"),
        argumentSet(
            "card after other digit groups",
            "ref 1234 4242 4242 4242 4242 retry",
            "ref 1234 ••••4242 retry"),
        argumentSet(
            "Bearer JWT in an Authorization header",
            "401 for Authorization: Bearer " + JWT,
            "401 for Authorization: Bearer [redacted]"),
        argumentSet(
            "Basic credentials",
            "upstream 401 to Authorization: Basic dXNlcjpwYXNzd29yZA==",
            "upstream 401 to Authorization: Basic [redacted]"),
        argumentSet(
            "Bearer token in prose",
            "retrying with bearer 9f86d081884c7d65",
            "retrying with bearer [redacted]"),
        argumentSet(
            "GitHub token scheme",
            "Authorization: token ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "Authorization: token [redacted]"),
        argumentSet(
            "authorization header in JSON",
            "{\"authorization\":\"Bearer abc.DEF-ghi_123\"}",
            "{\"authorization\":\"Bearer [redacted]\"}"),
        argumentSet(
            "authorization without a scheme",
            "Authorization: 5f3ac1e9d2",
            "Authorization: [redacted]"),
        argumentSet(
            "bare JWT", "JWT " + JWT + " expired at 14:02", "JWT [redacted] expired at 14:02"),
        argumentSet(
            "JWT in a query string",
            "GET /callback?state=xyz&id_token=" + JWT + "&code=1",
            "GET /callback?state=xyz&id_token=[redacted]&code=1"),
        argumentSet(
            "Stripe live secret key",
            "Stripe: No such customer for key sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "Stripe: No such customer for key sk_live_[redacted]"),
        argumentSet(
            "Stripe test and publishable keys",
            "keys sk_test_26PHem9AhJZvU623DfE1x4sd, pk_live_51HqLyjWDarjtT1zdp7dc",
            "keys sk_test_[redacted], pk_live_[redacted]"),
        argumentSet(
            "Slack tokens",
            "invalid_auth for xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp and"
                + " xapp-1-A0123-456-abcdef12",
            "invalid_auth for xoxb-[redacted] and xapp-[redacted]"),
        argumentSet("Slack user token", "xoxp-2222-3333-4444-5555abcdef", "xoxp-[redacted]"),
        argumentSet(
            "GitHub tokens",
            "clone failed with ghp_16C7e42F292c6912E7710c838347Ae178B4a /"
                + " github_pat_11ABCDEFG0123456789_abcdefXYZ",
            "clone failed with ghp_[redacted] / github_pat_[redacted]"),
        argumentSet(
            "AWS access key ID",
            "The AWS Access Key Id AKIAIOSFODNN7EXAMPLE does not exist",
            "The AWS Access Key Id AKIA[redacted] does not exist"),
        argumentSet(
            "Google API key",
            "maps: key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe rejected",
            "maps: key=AIza[redacted] rejected"),
        argumentSet(
            "Grafana Cloud token",
            "push with glc_eyJvIjoiMTIzNCIsIm4iOiJzdGFjayJ9 denied",
            "push with glc_[redacted] denied"),
        argumentSet(
            "api_key in a query string",
            "GET /v1/rates?api_key=9f86d081884c7d65&currency=EUR",
            "GET /v1/rates?api_key=[redacted]&currency=EUR"),
        argumentSet("apikey header style", "apikey: 0a1b2c3d4e", "apikey: [redacted]"),
        argumentSet("X-Api-Key header", "X-Api-Key: 5f3a9c77", "X-Api-Key: [redacted]"),
        argumentSet(
            "token parameter",
            "POST /reset?token=Zm9vYmFy done",
            "POST /reset?token=[redacted] done"),
        argumentSet(
            "client secret in a form body",
            "client_secret=shhh&grant_type=client_credentials",
            "client_secret=[redacted]&grant_type=client_credentials"),
        argumentSet(
            "password in a log line",
            "login failed: user=ann password=hunter2 ip=10.0.0.5",
            "login failed: user=ann password=[redacted] ip=[ip]"),
        argumentSet("pwd with a colon", "pwd: hunter2", "pwd: [redacted]"),
        argumentSet(
            "password with spaces in JSON",
            "{\"user\":\"ann\",\"password\": \"correct horse\"}",
            "{\"user\":\"ann\",\"password\": \"[redacted]\"}"),
        argumentSet(
            "password with an escaped quote in JSON",
            "{\"password\":\"a\\\"b\",\"x\":1}",
            "{\"password\":\"[redacted]\",\"x\":1}"),
        argumentSet(
            "JSON escaped inside a JSON string",
            "body={\\\"password\\\":\\\"hunter2\\\"}",
            "body={\\\"password\\\":\\\"[redacted]\\\"}"),
        argumentSet(
            "YAML property",
            "spring.datasource.password: Pa55w0rd!",
            "spring.datasource.password: [redacted]"),
        argumentSet(
            "environment variable", "PGPASSWORD='s3 cr3t' psql", "PGPASSWORD='[redacted]' psql"),
        argumentSet("Ruby hash", "{:password=>\"hunter2\"}", "{:password=>\"[redacted]\"}"),
        argumentSet("Java map", "{password=hunter2, user=ann}", "{password=[redacted], user=ann}"),
        argumentSet(
            "JDBC URL with query parameters",
            "Connection refused:"
                + " jdbc:postgresql://db:5432/orders?user=app&password=s3cr3t&ssl=true",
            "Connection refused:"
                + " jdbc:postgresql://db:5432/orders?user=app&password=[redacted]&ssl=true"),
        argumentSet(
            "JDBC URL with semicolons",
            "jdbc:sqlserver://db:1433;user=sa;password=Pa55;encrypt=true",
            "jdbc:sqlserver://db:1433;user=sa;password=[redacted];encrypt=true"),
        argumentSet(
            "password in a URL",
            "Cannot connect to mysql://root:toor@10.0.0.7:3306/shop",
            "Cannot connect to mysql://root:[redacted]@[ip]:3306/shop"),
        argumentSet(
            "password in a URL with a named host",
            "postgres://app:s3cr3t@db.internal:5432/orders",
            "postgres://app:[redacted]@db.internal:5432/orders"),
        argumentSet(
            "URL with only a password",
            "redis://:s3cr3t@cache:6379/0",
            "redis://:[redacted]@cache:6379/0"),
        argumentSet("email with plus and subdomains", "<jane.doe+x@example.co.uk>", "<[email]>"),
        argumentSet(
            "email with underscore",
            "notify first_last@mail.acme-corp.com failed",
            "notify [email] failed"),
        argumentSet(
            "email in a URL path", "GET /users/jane@acme.io/orders", "GET /users/[email]/orders"),
        argumentSet(
            "URL-encoded email",
            "GET /lookup?email=jane%40acme.io&x=1",
            "GET /lookup?email=[email]&x=1"),
        argumentSet("mailto", "mailto:ann@acme.io", "mailto:[email]"),
        argumentSet("email at the end of a sentence", "Write to ann@acme.io.", "Write to [email]."),
        argumentSet(
            "SSH remote shaped like an email",
            "git@github.com:acme/shop.git",
            "[email]:acme/shop.git"),
        argumentSet(
            "several shapes in one message",
            "refund for jane@acme.io on 4111 1111 1111 1111 via sk_test_26PHem9AhJZvU623DfE1x4sd",
            "refund for [email] on ••••1111 via sk_test_[redacted]"),
        argumentSet(
            "password key wins over an email value",
            "password=jane@acme.io",
            "password=[redacted]"),
        argumentSet(
            "card number under a secret key",
            "token=4242 4242 4242 4242 ok",
            "token=[redacted] ok"),
        argumentSet(
            "URL password wins over an email shape",
            "smtp://mailer:pa55@smtp.acme.io:587",
            "smtp://mailer:[redacted]@smtp.acme.io:587"),
        argumentSet(
            "international phone numbers",
            "call +1 415-555-2671 or +44 20 7946 0958",
            "call [phone] or [phone]"),
        argumentSet(
            "IPv4 address and port",
            "connect 192.168.1.10:8080 timed out",
            "connect [ip]:8080 timed out"),
        argumentSet("IPv6 address", "bind 2001:db8::1 failed", "bind [ip] failed"),
        argumentSet(
            "SSH login to an IP is no email, but its IP goes",
            "ssh deploy@10.0.0.5",
            "ssh deploy@[ip]"),
        argumentSet(
            "MySQL password flag stays, the host goes",
            "Access denied for user 'app'@'10.0.0.7' (using password: YES)",
            "Access denied for user 'app'@'[ip]' (using password: YES)"));
  }

  static Stream<Arguments> lookAlikes() {
    return Stream.of(
        argumentSet("trace ID", "trace 4bf92f3577b34da6a3ce929d0e0e4736"),
        argumentSet("span ID", "span 00f067aa0ba902b7 failed"),
        argumentSet(
            "traceparent", "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        argumentSet("UUID", "order 3f2504e0-4f89-11d3-9a0c-0305e82c3301 not found"),
        argumentSet("all-digit UUID", "request 12345678-1234-1234-1234-123456789012"),
        argumentSet("ISO timestamp", "at 2026-02-06T14:17:23.123456789Z"),
        argumentSet("epoch millis passing Luhn", "ts=1770387443127"),
        argumentSet("epoch nanos passing Luhn", "start_time_unix_nano: 1770387443123456784"),
        argumentSet("order number", "order ord_123456789012 failed"),
        argumentSet("16 digits failing Luhn", "order #4242424242424241 not found"),
        argumentSet("Luhn-valid digits glued to letters", "idem_key=ab4242424242424242cd"),
        argumentSet("digit run too long for a card", "id 42424242424242424242424"),
        argumentSet("ISBN", "isbn 978-3-16-148410-0"),
        argumentSet("version strings", "jackson-databind-2.20.1.jar, v2.3.4-rc.1, slack 1.47.0"),
        argumentSet("HTTP route", "POST /api/v1/orders/4242"),
        argumentSet("prices", "total $1,234.56 (EUR 4,242.42)"),
        argumentSet("durations", "took 1500 ms; budget PT2.5S; 1234ms"),
        argumentSet("host without a domain", "root@db-primary: permission denied"),
        argumentSet("package version pin", "npm i lodash@4.17.21"),
        argumentSet("Java identity hash", "java.lang.Object@6d06d69c"),
        argumentSet("annotation and Slack mention", "@Override <@U024BE7LH>"),
        argumentSet(
            "bearer as a word",
            "Bearer token expired; Basic Authentication required; Bearer token-based"),
        argumentSet("short bearer value", "Bearer abc"),
        argumentSet(
            "token-named keys that are not secrets",
            "token_type=Bearer max_tokens=4096 secret_name=prod-db"),
        argumentSet("comparison with a token", "assert token == null"),
        argumentSet("path through a token type", "Token::class"),
        argumentSet(
            "secret words without a value", "password reset requested; invalid credentials"),
        argumentSet("stack frame", "at dev.acme.TokenService.verify(TokenService.java:88)"),
        argumentSet("vendor prefix without a key", "use an sk_live_ key, not sk_test_short"),
        argumentSet("git commit", "deployed 9fceb02d0ae598e95dc970b74767f19372d61af8"),
        argumentSet("JWT header alone", "alg header eyJhbGciOiJIUzI1NiJ9"),
        argumentSet("empty text", ""));
  }

  static Stream<Arguments> adversarial() {
    return Stream.of(
        argumentSet("digits", "1".repeat(100_000)),
        argumentSet("card-like groups", "4242 ".repeat(20_000)),
        argumentSet("dashed groups", "4242-".repeat(20_000)),
        argumentSet("at signs", "a@".repeat(50_000)),
        argumentSet("dotted local part", "a.".repeat(50_000) + "@"),
        argumentSet("dotted domain", "a@" + "b.".repeat(50_000)),
        argumentSet("equals signs", "=".repeat(100_000)),
        argumentSet("one long word", "a".repeat(100_000)),
        argumentSet("password keys", "password=".repeat(11_000)),
        argumentSet("open quotes", "password=\"".repeat(10_000)),
        argumentSet("escaped quotes", "password=\"" + "\\\"".repeat(50_000)),
        argumentSet("JWT starts", "eyJ".repeat(33_000)),
        argumentSet("JWT segments", "eyJaaaa.".repeat(12_500)),
        argumentSet("schemes", "Bearer ".repeat(14_000)),
        argumentSet("URL userinfo", "a://b:".repeat(16_000)),
        argumentSet("vendor prefixes", "sk_live_".repeat(12_500)),
        argumentSet("bullets and digits", "•4242 ".repeat(16_000)),
        argumentSet("mixed soup", "x@y.io password=\"a\" 4242 Bearer eyJ ".repeat(3_000)),
        argumentSet("plus signs before digits", "+1 ".repeat(33_000)),
        argumentSet("parenthesised area codes", "(12) 3".repeat(20_000)),
        argumentSet(
            "phone-shaped groups after a phone word", ("phone " + "415-".repeat(10)).repeat(2_000)),
        argumentSet("dotted digits", "1.".repeat(50_000)),
        argumentSet("colon-joined hex", "a1:".repeat(33_000)),
        argumentSet("double colons", "1::".repeat(33_000)),
        argumentSet("IBAN starts", "DE89 ".repeat(20_000)),
        argumentSet("PEM headers without an end", "-----BEGIN PRIVATE KEY-----".repeat(3_700)),
        argumentSet("PEM ends without a start", "-----END PRIVATE KEY-----".repeat(4_000)),
        argumentSet("URL user information without an at", "a://b:c/".repeat(12_500)),
        argumentSet(
            "URL user information with one at at the end", "a://b:c/".repeat(12_500) + "@h"),
        argumentSet("session keys", "session=".repeat(12_500)),
        argumentSet("date-of-birth words", "dob=1 ".repeat(5_000) + "12 ".repeat(20_000)),
        argumentSet(
            "base64 keys of forty", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ".repeat(2_400)),
        argumentSet("full-width digits", "４".repeat(100_000)),
        argumentSet("full-width at signs", "a＠".repeat(50_000)),
        argumentSet("ideographic dots in a domain", "a＠" + "b。".repeat(50_000)),
        argumentSet("dashed SSN shapes", "123-45-".repeat(14_000)));
  }

  @ParameterizedTest
  @MethodSource("secrets")
  void redact_secretOrPersonalData_isMasked(String text, String expected) {
    String redacted = redactor.redact(text);

    assertThat(redacted).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("secrets")
  void redact_alreadyRedacted_isUnchanged(String text, String expected) {
    String once = redactor.redact(text);

    String twice = redactor.redact(once);

    assertThat(twice).isEqualTo(once);
  }

  @ParameterizedTest
  @MethodSource("lookAlikes")
  void redact_lookAlike_staysAsItIs(String text) {
    String redacted = redactor.redact(text);

    assertThat(redacted).isEqualTo(text);
  }

  @ParameterizedTest
  @MethodSource("adversarial")
  @Timeout(value = 2, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void redact_adversarialHundredKilobytes_finishesInLinearTime(String text) {
    String redacted = redactor.redact(text);

    assertThat(redactor.redact(redacted)).isEqualTo(redacted);
  }
}
