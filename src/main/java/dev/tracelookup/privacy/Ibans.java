package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds IBANs: a country code, two check digits and the rest of the country's length, written whole
 * ({@code GB82WEST12345698765432}) or in groups of four ({@code DE89 3704 0044 0532 0130 00}), that
 * pass the ISO 13616 mod-97 check. Upper-case only, as banks print them: a lower-case span ID that
 * happens to start like a Belgian IBAN stays.
 */
final class Ibans implements Detector {
  static final String MASK = "[iban]";
  private static final Map<String, Integer> LENGTHS = lengths();
  private static final int MAX_LENGTH = 34;

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    for (int i = 0; i + 4 <= text.length(); i++) {
      if (isStart(text, i)) {
        int end = end(text, i, LENGTHS.get(text.substring(i, i + 2)));
        if (end > 0) {
          found.add(new Finding(i, end));
          i = end - 1;
        }
      }
    }
    return found;
  }

  @Override
  public String mask(String found) {
    return MASK;
  }

  private static boolean isStart(String text, int i) {
    boolean boundary = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    return boundary
        && isUpper(text.charAt(i))
        && isUpper(text.charAt(i + 1))
        && isDigit(text.charAt(i + 2))
        && isDigit(text.charAt(i + 3))
        && LENGTHS.containsKey(text.substring(i, i + 2));
  }

  /**
   * Returns where the IBAN starting at {@code start} ends, or -1: exactly {@code length}
   * characters, spaces allowed only between groups of four, nothing glued after, a valid check.
   */
  private static int end(String text, int start, int length) {
    StringBuilder iban = new StringBuilder(MAX_LENGTH);
    int i = start;
    while (i < text.length() && iban.length() < length) {
      char c = text.charAt(i);
      if (isUpper(c) || isDigit(c)) {
        iban.append(c);
        i++;
      } else if (c == ' '
          && iban.length() % 4 == 0
          && i + 1 < text.length()
          && text.charAt(i + 1) != ' ') {
        i++;
      } else {
        return -1;
      }
    }
    boolean glued = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
    return iban.length() == length && !glued && checks(iban) ? i : -1;
  }

  /** Returns whether the IBAN's check digits are right: moved to the end, it is 1 modulo 97. */
  static boolean checks(CharSequence iban) {
    int remainder = 0;
    for (int n = 0; n < iban.length(); n++) {
      char c = iban.charAt((n + 4) % iban.length());
      int value = isDigit(c) ? c - '0' : c - 'A' + 10;
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder == 1;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The IBAN length of each country in the SWIFT IBAN registry. */
  private static Map<String, Integer> lengths() {
    String registry =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
            + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28"
            + " HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21"
            + " LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29"
            + " PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23"
            + " TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    Map<String, Integer> lengths = new HashMap<>();
    for (String entry : registry.split(" ")) {
      lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
    return Map.copyOf(lengths);
  }
}
