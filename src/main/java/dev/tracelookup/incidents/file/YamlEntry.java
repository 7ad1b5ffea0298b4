package dev.tracelookup.incidents.file;

import java.util.List;

/** One incident as written in the file; names follow the file's snake_case keys. */
record YamlEntry(
    String id,
    String title,
    String status,
    String startedAt,
    String resolvedAt,
    List<String> services,
    Signature signature,
    String link,
    String customerSummary) {

  record Signature(String spanName, List<Integer> httpStatus, String exceptionType) {}
}
