package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds IPv4 and IPv6 addresses: a customer's address is personal data, and a host's says more
 * about the network than a card needs. The port after one stays. Loopback ({@code 127.0.0.1},
 * {@code ::1}), unspecified ({@code 0.0.0.0}, {@code ::}) and netmask values ({@code 255.…}) name
 * no one and stay.
 *
 * <p>Look-alikes stay: versions ({@code 10.0.0.1-rc}, {@code v1.2.3.4}, {@code 1.2.3.4.5}, {@code
 * Chrome/120.0.0.0}), clock times ({@code 14:17:23}), MAC addresses (six groups), and {@code
 * Token::class}. An IPv6 address is eight groups, or fewer around one {@code ::} with a digit
 * somewhere and at least two groups, so {@code dead::beef} stays too.
 */
final class IpAddresses implements Detector {
  static final String MASK = "[ip]";
  private static final int IPV6_GROUPS = 8;
  private static final int MAX_GROUP = 4;

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    findIpv4(text, found);
    findIpv6(text, found);
    return found;
  }

  @Override
  public String mask(String found) {
    return MASK;
  }

  private static void findIpv4(String text, List<Finding> found) {
    int i = 0;
    while (i < text.length()) {
      if (!isDigit(text.charAt(i)) || !ipv4CanStart(text, i)) {
        i++;
        continue;
      }
      int end = ipv4End(text, i);
      if (end > 0 && !continuesAsVersion(text, end) && !isReservedIpv4(text, i)) {
        found.add(new Finding(i, end));
        i = end;
      } else {
        while (i < text.length() && isDigit(text.charAt(i))) {
          i++;
        }
      }
    }
  }

  /** Returns where four dotted octets starting at {@code start} end, or -1. */
  static int ipv4End(String text, int start) {
    int i = start;
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (i >= text.length() || text.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
      int digits = i;
      while (i < text.length() && isDigit(text.charAt(i)) && i - digits < 3) {
        i++;
      }
      boolean leadingZero = i - digits > 1 && text.charAt(digits) == '0';
      if (i == digits || leadingZero || Integer.parseInt(text.substring(digits, i)) > 255) {
        return -1;
      }
    }
    return i < text.length() && isDigit(text.charAt(i)) ? -1 : i;
  }

  /** A version runs on: {@code 1.2.3.4.5}, {@code 10.0.0.1-rc}, {@code 1.2.3.4a}. */
  private static boolean continuesAsVersion(String text, int end) {
    if (end >= text.length()) {
      return false;
    }
    char next = text.charAt(end);
    if (next == '.' || next == '-') {
      return end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1));
    }
    return Character.isLetterOrDigit(next) || next == '_';
  }

  /**
   * Versions are glued to what names them: {@code v1.2.3.4}, {@code lib-1.2.3.4}, {@code Chrome/…}.
   */
  private static boolean ipv4CanStart(String text, int i) {
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    if (before == '/') {
      return i >= 2 && text.charAt(i - 2) == '/';
    }
    return !Character.isLetterOrDigit(before) && before != '_' && before != '.' && before != '-';
  }

  private static boolean isReservedIpv4(String text, int start) {
    int dot = text.indexOf('.', start);
    int first = Integer.parseInt(text.substring(start, dot));
    return first == 0 || first == 127 || first == 255;
  }

  private static void findIpv6(String text, List<Finding> found) {
    int i = 0;
    while (i < text.length()) {
      if (!isIpv6Char(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && isIpv6Char(text.charAt(i))) {
        i++;
      }
      if (ipv6CanStart(text, start)) {
        addIpv6(text, start, i, found);
      }
    }
  }

  /** Adds the address in the run {@code [start, end)}, trimming a sentence's colon or full stop. */
  private static void addIpv6(String text, int start, int end, List<Finding> found) {
    int stop = end;
    for (int trims = 0; trims <= 2 && stop > start; trims++) {
      String candidate = text.substring(start, stop);
      if (candidate.indexOf(':') < 0) {
        return;
      }
      int[] groups = ipv6Groups(candidate);
      if (groups != null) {
        int finish = trims == 0 ? zoneEnd(text, stop) : stop;
        boolean glued =
            finish < text.length()
                && (Character.isLetterOrDigit(text.charAt(finish)) || text.charAt(finish) == '_');
        if (!glued && !isReservedIpv6(groups)) {
          found.add(new Finding(start, finish));
        }
        return;
      }
      char last = text.charAt(stop - 1);
      if (last != ':' && last != '.') {
        return;
      }
      stop--;
    }
  }

  /**
   * Returns the eight groups of an IPv6 address, or null when the text is none: one {@code ::} at
   * most, groups of one to four hex digits, an IPv4 address allowed as the last two groups.
   */
  static int[] ipv6Groups(String address) {
    int gap = address.indexOf("::");
    if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    List<Integer> head = gap < 0 ? parseGroups(address) : parseGroups(address.substring(0, gap));
    List<Integer> tail = gap < 0 ? List.of() : parseGroups(address.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int explicit = head.size() + tail.size();
    boolean digit = address.chars().anyMatch(c -> c >= '0' && c <= '9');
    boolean whole = gap < 0 && explicit == IPV6_GROUPS;
    // "::1" and "::" are too short to count, and would be kept anyway.
    boolean compressed = gap >= 0 && explicit >= 2 && explicit < IPV6_GROUPS && digit;
    if (!whole && !compressed) {
      return null;
    }
    int[] groups = new int[IPV6_GROUPS];
    for (int g = 0; g < head.size(); g++) {
      groups[g] = head.get(g);
    }
    for (int g = 0; g < tail.size(); g++) {
      groups[IPV6_GROUPS - tail.size() + g] = tail.get(g);
    }
    return groups;
  }

  /**
   * Returns the groups of {@code a:b:c}, an IPv4 tail as two; empty for empty text; null if
   * invalid.
   */
  private static List<Integer> parseGroups(String part) {
    List<Integer> groups = new ArrayList<>();
    if (part.isEmpty()) {
      return groups;
    }
    String[] pieces = part.split(":", -1);
    for (int p = 0; p < pieces.length; p++) {
      String piece = pieces[p];
      if (p == pieces.length - 1 && piece.indexOf('.') >= 0) {
        if (ipv4End(piece, 0) != piece.length()) {
          return null;
        }
        String[] octets = piece.split("\\.");
        groups.add(Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]));
        groups.add(Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]));
      } else if (piece.isEmpty() || piece.length() > MAX_GROUP || !isHex(piece)) {
        return null;
      } else {
        groups.add(Integer.parseInt(piece, 16));
      }
    }
    return groups;
  }

  private static boolean isReservedIpv6(int[] groups) {
    for (int g = 0; g < IPV6_GROUPS - 1; g++) {
      if (groups[g] != 0) {
        return false;
      }
    }
    return groups[IPV6_GROUPS - 1] <= 1;
  }

  /** Returns where a zone ({@code %eth0}) after an address ends, or {@code end} without one. */
  private static int zoneEnd(String text, int end) {
    if (end + 1 >= text.length()
        || text.charAt(end) != '%'
        || !Character.isLetterOrDigit(text.charAt(end + 1))) {
      return end;
    }
    int i = end + 1;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i)) || "_.-".indexOf(text.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  private static boolean ipv6CanStart(String text, int start) {
    if (start == 0) {
      return true;
    }
    char before = text.charAt(start - 1);
    return !Character.isLetterOrDigit(before) && before != '_' && before != '-';
  }

  private static boolean isHex(String piece) {
    for (int i = 0; i < piece.length(); i++) {
      char c = piece.charAt(i);
      if (!isDigit(c) && (c < 'a' || c > 'f') && (c < 'A' || c > 'F')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6Char(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
