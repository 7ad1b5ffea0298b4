package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Masks secrets and personal data anywhere in free text: exception messages, status messages, span
 * names, attribute values.
 *
 * <p>What is masked, and what replaces it:
 *
 * <ul>
 *   <li>passwords in URLs, up to the URL's last {@code @}: {@code postgres://app:pa/ss@db} → {@code
 *       postgres://app:[redacted]@db};
 *   <li>PEM private-key blocks → the BEGIN and END lines around {@code [redacted]};
 *   <li>values of secret-named keys, {@code password=…}, {@code "api_key": "…"}, {@code
 *       Authorization: Bearer …}, {@code AccountKey=…}, {@code X-Amz-Signature=…}, {@code ssn=…} →
 *       {@code password=[redacted]}, {@code "api_key": "[redacted]"}, {@code Authorization: Bearer
 *       [redacted]}; session cookies ({@code JSESSIONID=…}, {@code connect.sid=…}) and OAuth {@code
 *       ?code=…} when the value reads as a token; dates of birth ({@code dob=…}), all their words;
 *   <li>credentials after {@code Bearer}, {@code Basic} or {@code token}, lower-case ones included
 *       → {@code Bearer [redacted]};
 *   <li>JSON Web Tokens → {@code [redacted]};
 *   <li>vendor keys ({@code sk_live_}, {@code sk-proj-}, {@code xoxb-}, {@code ghp_}, {@code npm_},
 *       {@code glsa_}, {@code AKIA}, {@code AIza}, …) → {@code sk_live_[redacted]}, the prefix
 *       kept; bare AWS secret keys and Azure account keys → {@code [redacted]};
 *   <li>email addresses, internationalised ones included → {@code [email]};
 *   <li>card numbers that pass the Luhn check → {@code ••••4242}, the last four digits kept;
 *   <li>IBANs that pass their check → {@code [iban]};
 *   <li>phone numbers, international or clearly national → {@code [phone]};
 *   <li>US Social Security numbers → {@code [ssn]};
 *   <li>IPv4 and IPv6 addresses → {@code [ip]}, the port kept.
 * </ul>
 *
 * <p>Each kind keeps its look-alikes: order numbers, versions, timestamps, trace IDs, UUIDs and
 * ordinary words stay (the corpus in {@code src/test/resources/redaction/} lists them).
 *
 * <p>Redaction takes time linear in the text, never throws on any string, and is idempotent: {@code
 * redact(redact(x))} equals {@code redact(x)}. It is safe to share between threads.
 */
public final class Redactor {
  // Earlier detectors win when findings start together: "password=jane@acme.io" is a password.
  private static final List<Detector> DETECTORS =
      List.of(
          new UrlPasswords(),
          new PemPrivateKeys(),
          new SecretAssignments(),
          SecretPatterns.SCHEME_CREDENTIAL,
          SecretPatterns.JSON_WEB_TOKEN,
          SecretPatterns.VENDOR_KEY,
          new CloudSecretKeys(),
          new EmailAddresses(),
          new CardNumbers(),
          new Ibans(),
          new PhoneNumbers(),
          SecretPatterns.US_SSN,
          new IpAddresses());

  private static final int MAX_PASSES = 4;
  private static final Comparator<Hit> BY_POSITION =
      Comparator.comparingInt(Hit::start).thenComparingInt(Hit::detector);

  /**
   * Returns the text with every secret and personal value masked.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public String redact(String text) {
    Objects.requireNonNull(text, "text");
    // A mask changes what surrounds it: "password=4242 4242 4242 4242@" masks to
    // "password=[redacted]@", whose value now runs on to the "@". So passes repeat until the text
    // holds still: real text does after one, and a million random mixes of every shape and mask
    // never needed more than two. The bound only guards against a shape no one has met.
    String current = text;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String next = maskOnce(current);
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  private static String maskOnce(String text) {
    List<Hit> hits = resolve(find(text));
    if (hits.isEmpty()) {
      return text;
    }
    StringBuilder redacted = new StringBuilder(text.length());
    int copied = 0;
    for (Hit hit : hits) {
      redacted.append(text, copied, hit.start());
      redacted.append(DETECTORS.get(hit.detector()).mask(text.substring(hit.start(), hit.end())));
      copied = hit.end();
    }
    return redacted.append(text, copied, text.length()).toString();
  }

  private static List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    for (int detector = 0; detector < DETECTORS.size(); detector++) {
      for (Finding finding : DETECTORS.get(detector).find(text)) {
        hits.add(new Hit(finding.start(), finding.end(), detector));
      }
    }
    hits.sort(BY_POSITION);
    return hits;
  }

  /**
   * Returns the hits to mask, none overlapping. Overlapping hits are masked as one stretch, in the
   * form the first of them asks for: masking only the first would leave the rest of the other to be
   * found, shorter, by the next pass ("eyJ….jane@acme.io" is a token and an address at once).
   */
  private static List<Hit> resolve(List<Hit> sorted) {
    List<Hit> kept = new ArrayList<>();
    for (Hit hit : sorted) {
      Hit last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
      if (last == null || hit.start() >= last.end()) {
        kept.add(hit);
      } else if (hit.end() > last.end()) {
        kept.set(kept.size() - 1, new Hit(last.start(), hit.end(), last.detector()));
      }
    }
    return kept;
  }

  private record Hit(int start, int end, int detector) {}
}
