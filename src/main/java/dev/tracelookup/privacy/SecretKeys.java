package dev.tracelookup.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads from a key's name what its value holds. A name counts by its ending once lower-cased and
 * stripped of {@code _ - .}: {@code DB_PASSWORD}, {@code client-secret} and {@code X-Auth-Token}
 * name secrets, {@code max_tokens}, {@code token_type} and {@code secret_name} do not.
 */
final class SecretKeys {
  /** What the value of a key holds. */
  enum Kind {
    /** Nothing to mask. */
    NONE,
    /** A secret or a personal identifier: any value is masked. */
    SECRET,
    /** A session identifier: masked when the value reads as a token, so "session=new" stays. */
    SESSION,
    /** An OAuth authorization code: the {@code code} parameter of a query string, token-like. */
    QUERY_CODE,
    /** A date of birth, which may run over several words ("12 March 1984"). */
    BIRTH_DATE
  }

  static final List<String> SECRET_ENDINGS =
      List.of(
          "password",
          "passwd",
          "pwd",
          "passphrase",
          "secret",
          "token",
          "apikey",
          "accesskey",
          "secretkey",
          "privatekey",
          "accountkey",
          "credential",
          "credentials",
          "authorization",
          "signature",
          "authcode",
          "authorizationcode",
          "ssn",
          "socialsecuritynumber");
  private static final Set<String> SECRET_NAMES = Set.of("pass", "sig");
  private static final List<String> SESSION_ENDINGS =
      List.of("session", "sessionid", "sessid", "sid");
  private static final List<String> BIRTH_DATE_ENDINGS =
      List.of("dob", "dateofbirth", "birthdate", "birthday");

  private SecretKeys() {}

  /**
   * Returns what the key's value holds.
   *
   * @param inQuery the key is a query-string parameter ({@code ?code=} or {@code &code=})
   */
  static Kind kindOf(String key, boolean inQuery) {
    String name = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    if (SECRET_NAMES.contains(name) || endsWithAny(name, SECRET_ENDINGS)) {
      return Kind.SECRET;
    }
    if (endsWithAny(name, BIRTH_DATE_ENDINGS)) {
      return Kind.BIRTH_DATE;
    }
    if (endsWithAny(name, SESSION_ENDINGS)) {
      return Kind.SESSION;
    }
    return inQuery && name.equals("code") ? Kind.QUERY_CODE : Kind.NONE;
  }

  private static boolean endsWithAny(String name, List<String> endings) {
    for (String ending : endings) {
      if (name.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }
}
