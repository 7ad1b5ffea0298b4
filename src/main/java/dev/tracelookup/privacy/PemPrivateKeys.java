package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the body of PEM private-key blocks ({@code -----BEGIN RSA PRIVATE KEY-----}, PKCS#8, EC,
 * OpenSSH, encrypted, PGP), real newlines or JSON-escaped {@code \n} alike. The BEGIN and END lines
 * stay, so the card still says a key was there; a block cut short is masked to the end of the text.
 * Certificates and public keys are public and stay.
 */
final class PemPrivateKeys implements Detector {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL = 40;

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    int from = 0;
    int begin;
    while ((begin = text.indexOf(BEGIN, from)) >= 0) {
      int bodyStart = headerEnd(text, begin + BEGIN.length());
      if (bodyStart < 0) {
        from = begin + BEGIN.length();
        continue;
      }
      bodyStart = skipBlank(text, bodyStart);
      int end = text.indexOf(END, bodyStart);
      // Without an END nothing later has one either: mask to the end and stop, which keeps it
      // linear.
      int bodyEnd = end < 0 ? text.length() : trimBlank(text, bodyStart, end);
      if (bodyEnd > bodyStart) {
        found.add(new Finding(bodyStart, bodyEnd));
      }
      if (end < 0) {
        break;
      }
      from = end + END.length();
    }
    return found;
  }

  @Override
  public String mask(String found) {
    return SecretPatterns.REDACTED;
  }

  /** Returns where a private-key header that starts its label at {@code label} ends, or -1. */
  private static int headerEnd(String text, int label) {
    int i = label;
    while (i < text.length() && i - label <= MAX_LABEL && isLabelChar(text.charAt(i))) {
      i++;
    }
    boolean privateKey = text.substring(label, i).contains("PRIVATE KEY");
    return privateKey && text.startsWith(DASHES, i) ? i + DASHES.length() : -1;
  }

  private static boolean isLabelChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
  }

  private static int skipBlank(String text, int start) {
    int i = start;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (isEscapedNewline(text, i)) {
        i += 2;
      } else {
        return i;
      }
    }
    return i;
  }

  private static int trimBlank(String text, int start, int end) {
    int i = end;
    while (i > start) {
      if (Character.isWhitespace(text.charAt(i - 1))) {
        i--;
      } else if (i - 2 >= start && isEscapedNewline(text, i - 2)) {
        i -= 2;
      } else {
        return i;
      }
    }
    return i;
  }

  /** Returns whether {@code \n} or {@code \r}, JSON-escaped, starts at {@code i}. */
  private static boolean isEscapedNewline(String text, int i) {
    return i + 1 < text.length()
        && text.charAt(i) == '\\'
        && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r');
  }
}
