package dev.tracelookup.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers every backend call carries: {@code backend.auth} (bearer or basic, the secret named
 * by an environment variable, never written in the file) and {@code backend.headers} (e.g. Tempo's
 * {@code X-Scope-OrgID}), whose values may be {@code ${ENV_VAR}} references.
 */
final class BackendHeaders {
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  private BackendHeaders() {}

  static Map<String, Secret> read(Settings settings, Map<String, String> env) {
    Map<String, Secret> headers = new LinkedHashMap<>();
    auth(settings, env).ifPresent(value -> headers.put("Authorization", value));
    JsonNode node = settings.node("backend.headers");
    if (node.isMissingNode() || node.isNull()) {
      return headers;
    }
    if (!node.isObject()) {
      settings.problem(
          "backend.headers", "must be a map of header names to values", "{X-Scope-OrgID: acme}");
      return headers;
    }
    node.fields()
        .forEachRemaining(
            field -> {
              String key = "backend.headers." + field.getKey();
              if (!HEADER_NAME.matcher(field.getKey()).matches()) {
                settings.problem(key, "is not a valid header name", "X-Scope-OrgID: acme");
              } else {
                substitute(settings, env, key, field.getValue().asText())
                    .ifPresent(value -> headers.put(field.getKey(), new Secret(value)));
              }
            });
    return headers;
  }

  private static Optional<Secret> auth(Settings settings, Map<String, String> env) {
    Optional<String> bearerVar = settings.optionalString("backend.auth.bearer-token-env");
    Optional<String> basicUser = settings.optionalString("backend.auth.basic-user");
    if (bearerVar.isPresent() && basicUser.isPresent()) {
      settings.problem(
          "backend.auth",
          "set either bearer-token-env or basic-user, not both",
          "{bearer-token-env: TEMPO_TOKEN}");
      return Optional.empty();
    }
    if (bearerVar.isPresent()) {
      return fromEnv(settings, env, "backend.auth.bearer-token-env", bearerVar.get())
          .map(token -> new Secret("Bearer " + token));
    }
    if (basicUser.isPresent()) {
      Optional<String> passwordVar = settings.optionalString("backend.auth.basic-password-env");
      if (passwordVar.isEmpty()) {
        settings.problem(
            "backend.auth.basic-password-env",
            "is required with basic-user",
            "GRAFANA_CLOUD_TOKEN");
        return Optional.empty();
      }
      return fromEnv(settings, env, "backend.auth.basic-password-env", passwordVar.get())
          .map(
              password ->
                  new Secret(
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  (basicUser.get() + ":" + password)
                                      .getBytes(StandardCharsets.UTF_8))));
    }
    return Optional.empty();
  }

  private static Optional<String> fromEnv(
      Settings settings, Map<String, String> env, String key, String variable) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      settings.problem(
          key, "names " + variable + ", which is not set in the environment", variable);
      return Optional.empty();
    }
    return Optional.of(value.trim());
  }

  private static Optional<String> substitute(
      Settings settings, Map<String, String> env, String key, String value) {
    Matcher matcher = ENV_REFERENCE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String replacement = env.get(matcher.group(1));
      if (replacement == null) {
        settings.problem(
            key,
            "refers to ${" + matcher.group(1) + "}, which is not set in the environment",
            "${TEMPO_TENANT}");
        return Optional.empty();
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    String text = result.toString();
    if (text.chars().anyMatch(c -> c == '\r' || c == '\n')) {
      settings.problem(key, "must not contain line breaks", "acme");
      return Optional.empty();
    }
    return Optional.of(text);
  }
}
