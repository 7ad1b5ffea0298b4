package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.backend.json.JsonSteps;
import dev.tracelookup.backend.otlp.OtlpEnums;
import dev.tracelookup.backend.otlpfile.FieldNames.Field;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.FailureRules;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads from one OTLP JSON document only what the index keeps, in one streaming pass that builds no
 * span: per span its trace ID, times, service, name, user IDs, linked traces and whether it fails.
 * Events, scopes, span IDs beyond their validity and every other attribute are skipped ({@link
 * JsonParser#skipChildren()}, and string values never decoded).
 *
 * <p>It accepts what {@link dev.tracelookup.backend.otlp.OtlpJsonReader} accepts, with the same
 * results for the index: spans it would refuse (no valid trace or span ID) make the line malformed,
 * the resource's user IDs count for its spans unless a span carries its own, and the failure rules
 * are {@link FailureRules}' own. One instance serves one thread.
 */
final class FactReader {
  // FailureRules reads a span's status, kind and attributes, never its IDs or times.
  private static final String RULES_TRACE_ID = "00000000000000000000000000000001";
  private static final String RULES_SPAN_ID = "0000000000000001";

  private final WatchedKeys keys;
  private final Vocabulary vocabulary;
  private final FieldNames fields = new FieldNames();
  private final RawStrings raw = new RawStrings();
  private final int unknownService;
  private final int noName;
  private final String[] resourceUsers;
  private final String[] spanUsers;
  private final Map<String, String> failureAttributes = new HashMap<>();
  private int[] ownUserMasks = new int[64];
  // A trace's spans repeat its user's ID: one instance, whose hash the index computes once.
  private String lastUser = "";
  private long[] linkIds = new long[8];
  private int linkCount;

  FactReader(WatchedKeys keys, Vocabulary vocabulary) {
    this.keys = keys;
    this.vocabulary = vocabulary;
    char[] unknown = Span.UNKNOWN_SERVICE.toCharArray();
    this.unknownService = vocabulary.nameId(unknown, 0, unknown.length);
    this.noName = vocabulary.nameId(new char[0], 0, 0);
    this.resourceUsers = new String[keys.userKeyCount()];
    this.spanUsers = new String[keys.userKeyCount()];
  }

  /**
   * Reads the document whose opening brace the parser is on, up to its closing brace.
   *
   * @param input the bytes the parser reads, which start at {@code input[base]}
   */
  void read(JsonParser parser, byte[] input, int base, LineFacts facts) throws IOException {
    raw.reset(input, base);
    facts.clear();
    tracesData(parser, facts);
  }

  private void tracesData(JsonParser parser, LineFacts facts) throws IOException {
    while (next(parser) != JsonToken.END_OBJECT) {
      Field field = fields.of(parser.currentName());
      JsonToken value = next(parser);
      if (field == Field.RESOURCE_SPANS && value == JsonToken.START_ARRAY) {
        while (next(parser) != JsonToken.END_ARRAY) {
          resourceSpans(parser, facts);
        }
      } else if (field == Field.WRAPPED && value == JsonToken.START_OBJECT) {
        tracesData(parser, facts);
      } else {
        expectNullOr(parser, field, value);
      }
    }
  }

  private void resourceSpans(JsonParser parser, LineFacts facts) throws IOException {
    if (!isObject(parser, "resourceSpans")) {
      return;
    }
    int firstSpan = facts.spanCount;
    int service = unknownService;
    Arrays.fill(resourceUsers, null);
    while (next(parser) != JsonToken.END_OBJECT) {
      Field field = fields.of(parser.currentName());
      next(parser);
      if (field == Field.RESOURCE) {
        service = resource(parser);
      } else if (field == Field.SCOPE_SPANS) {
        scopeSpans(parser, facts);
      } else {
        parser.skipChildren();
      }
    }
    // Encoders write the resource first, but JSON does not promise it: settle its spans at the end.
    for (int span = firstSpan; span < facts.spanCount; span++) {
      facts.service[span] = service;
      for (int key = 0; key < resourceUsers.length; key++) {
        if (resourceUsers[key] != null && (ownUserMasks[span] & (1 << key)) == 0) {
          facts.users.add(new LineFacts.UserOnSpan(span, resourceUsers[key]));
        }
      }
    }
  }

  /** Reads the resource's service name and user IDs; returns the service's name number. */
  private int resource(JsonParser parser) throws IOException {
    int service = unknownService;
    if (!isObject(parser, "resource")) {
      return service;
    }
    while (next(parser) != JsonToken.END_OBJECT) {
      Field field = fields.of(parser.currentName());
      next(parser);
      if (field != Field.ATTRIBUTES || !isArray(parser, "resource.attributes")) {
        parser.skipChildren();
        continue;
      }
      while (next(parser) != JsonToken.END_ARRAY) {
        KeyValue entry = keyValue(parser);
        if (entry == null) {
          continue;
        }
        if (entry.key == keys.serviceNameKey() && !entry.value.isBlank()) {
          char[] name = entry.value.toCharArray();
          service = vocabulary.nameId(name, 0, name.length);
        } else if (entry.key < keys.userKeyCount()) {
          resourceUsers[entry.key] = entry.value;
        }
      }
    }
    return service;
  }

  private void scopeSpans(JsonParser parser, LineFacts facts) throws IOException {
    if (!isArray(parser, "scopeSpans")) {
      return;
    }
    while (next(parser) != JsonToken.END_ARRAY) {
      if (!isObject(parser, "scopeSpans")) {
        continue;
      }
      while (next(parser) != JsonToken.END_OBJECT) {
        Field field = fields.of(parser.currentName());
        next(parser);
        if (field == Field.SPANS && isArray(parser, "spans")) {
          while (next(parser) != JsonToken.END_ARRAY) {
            span(parser, facts);
          }
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  private void span(JsonParser parser, LineFacts facts) throws IOException {
    if (!isObject(parser, "spans")) {
      return;
    }
    SpanDraft draft = new SpanDraft();
    Arrays.fill(spanUsers, null);
    failureAttributes.clear();
    linkCount = 0;
    while (next(parser) != JsonToken.END_OBJECT) {
      Field field = fields.of(parser.currentName());
      next(parser);
      spanField(parser, field, draft);
    }
    if (!draft.hasTraceId) {
      throw new MalformedLine("a span has no valid traceId");
    }
    if (!draft.hasSpanId) {
      throw new MalformedLine("a span has no valid spanId");
    }
    int name = draft.name < 0 ? noName : draft.name;
    int span =
        facts.addSpan(draft.traceHi, draft.traceLo, draft.start, draft.end, name, failing(draft));
    ownUserMasks =
        span < ownUserMasks.length ? ownUserMasks : Arrays.copyOf(ownUserMasks, span * 2);
    ownUserMasks[span] = 0;
    for (int key = 0; key < spanUsers.length; key++) {
      if (spanUsers[key] != null) {
        ownUserMasks[span] |= 1 << key;
        facts.users.add(new LineFacts.UserOnSpan(span, spanUsers[key]));
      }
    }
    for (int link = 0; link < linkCount; link++) {
      facts.links.add(new LineFacts.LinkOnSpan(span, linkIds[2 * link], linkIds[2 * link + 1]));
    }
  }

  private void spanField(JsonParser parser, Field field, SpanDraft draft) throws IOException {
    switch (field) {
      case TRACE_ID:
        long[] id = TraceIdBits.parse(parser, raw);
        if (id == null) {
          throw new MalformedLine("a span has no valid traceId");
        }
        draft.traceHi = id[0];
        draft.traceLo = id[1];
        draft.hasTraceId = true;
        break;
      case SPAN_ID:
        draft.hasSpanId = TraceIdBits.isValidSpanId(parser, raw);
        break;
      case NAME:
        draft.name = nameId(parser);
        break;
      case KIND:
        draft.kind = OtlpEnums.kind(parser);
        break;
      case START:
        draft.start = Scalars.int64(parser, raw, "startTimeUnixNano");
        break;
      case END:
        draft.end = Scalars.int64(parser, raw, "endTimeUnixNano");
        break;
      case STATUS:
        draft.status = status(parser);
        break;
      case ATTRIBUTES:
        spanAttributes(parser);
        break;
      case LINKS:
        links(parser);
        break;
      default:
        parser.skipChildren();
    }
  }

  private int nameId(JsonParser parser) throws IOException {
    int start = raw.contentStart(parser);
    int length = raw.plainLength(start);
    if (length >= 0) {
      return vocabulary.nameId(raw.bytes(), start, length);
    }
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return vocabulary.nameId(
          parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }
    String text = JsonSteps.text(parser, "name");
    char[] name = text == null ? new char[0] : text.toCharArray();
    return vocabulary.nameId(name, 0, name.length);
  }

  private StatusCode status(JsonParser parser) throws IOException {
    StatusCode code = StatusCode.UNSET;
    if (!isObject(parser, "status")) {
      return code;
    }
    while (next(parser) != JsonToken.END_OBJECT) {
      Field field = fields.of(parser.currentName());
      next(parser);
      if (field == Field.CODE) {
        code = OtlpEnums.statusCode(parser);
      } else {
        parser.skipChildren();
      }
    }
    return code;
  }

  private void spanAttributes(JsonParser parser) throws IOException {
    if (!isArray(parser, "attributes")) {
      return;
    }
    while (next(parser) != JsonToken.END_ARRAY) {
      KeyValue entry = keyValue(parser);
      if (entry == null) {
        continue;
      }
      if (entry.key < keys.userKeyCount()) {
        spanUsers[entry.key] = entry.value.equals(lastUser) ? lastUser : entry.value;
        lastUser = spanUsers[entry.key];
      } else if (keys.isFailureKey(entry.key)) {
        failureAttributes.put(keys.key(entry.key), entry.value);
      }
    }
  }

  /** Reads one key-value entry; returns it only when its key is watched and its value a scalar. */
  private KeyValue keyValue(JsonParser parser) throws IOException {
    if (!isObject(parser, "attributes")) {
      return null;
    }
    int key = -2;
    String value = null;
    while (next(parser) != JsonToken.END_OBJECT) {
      Field field = fields.of(parser.currentName());
      next(parser);
      if (field == Field.KEY) {
        key = watchedKey(parser);
      } else if (field == Field.VALUE && key != -1) {
        value = anyValue(parser);
      } else {
        parser.skipChildren();
      }
    }
    return key >= 0 && value != null ? new KeyValue(key, value) : null;
  }

  private int watchedKey(JsonParser parser) throws IOException {
    int start = raw.contentStart(parser);
    int length = raw.plainLength(start);
    if (length >= 0) {
      return keys.indexOf(raw.bytes(), start, length);
    }
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return keys.indexOf(
          parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }
    String text = JsonSteps.text(parser, "key");
    return text == null ? -1 : keys.indexOf(text.toCharArray(), 0, text.length());
  }

  /** Reads an AnyValue's scalar as text; null for arrays and lists, which no watched key holds. */
  private String anyValue(JsonParser parser) throws IOException {
    String text = null;
    if (!isObject(parser, "value")) {
      return null;
    }
    while (next(parser) != JsonToken.END_OBJECT) {
      Field field = fields.of(parser.currentName());
      next(parser);
      if (field == Field.SCALAR_VALUE) {
        text = JsonSteps.text(parser, parser.currentName());
      } else {
        parser.skipChildren();
      }
    }
    return text;
  }

  /**
   * Reads the linked trace IDs; a link that cannot be read is left out, as the span reader does.
   */
  private void links(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return;
    }
    while (next(parser) != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      long[] linked = null;
      while (next(parser) != JsonToken.END_OBJECT) {
        Field field = fields.of(parser.currentName());
        next(parser);
        if (field == Field.TRACE_ID && parser.currentToken().isScalarValue()) {
          linked = TraceIdBits.parse(parser, raw);
        } else {
          parser.skipChildren();
        }
      }
      if (linked != null) {
        addLink(linked);
      }
    }
  }

  private void addLink(long[] linked) {
    if (2 * linkCount + 2 > linkIds.length) {
      linkIds = Arrays.copyOf(linkIds, linkIds.length * 2);
    }
    linkIds[2 * linkCount] = linked[0];
    linkIds[2 * linkCount + 1] = linked[1];
    linkCount++;
  }

  /** Decides as {@link FailureRules} does; a span is built only when the status leaves it open. */
  private boolean failing(SpanDraft draft) {
    if (draft.status != StatusCode.UNSET) {
      return draft.status == StatusCode.ERROR;
    }
    if (failureAttributes.isEmpty()) {
      return false;
    }
    if (failureAttributes.size() == 1) {
      // Most spans carry only an HTTP status: decided here as FailureRules would, without a span.
      Map.Entry<String, String> only = failureAttributes.entrySet().iterator().next();
      int http = httpStatus(only.getKey(), only.getValue());
      if (http >= 0) {
        return http >= 100 && http <= 999 && http >= (draft.kind == SpanKind.CLIENT ? 400 : 500);
      }
    }
    Span span =
        new Span(
            RULES_TRACE_ID,
            RULES_SPAN_ID,
            "",
            "",
            "",
            draft.kind,
            0,
            0,
            SpanStatus.UNSET,
            new Attributes(Map.copyOf(failureAttributes)),
            List.of());
    return FailureRules.isFailing(span);
  }

  /** Returns the plain-digits value of an HTTP status attribute, or -1 for anything else. */
  private static int httpStatus(String key, String value) {
    boolean http = key.equals(FailureRules.HTTP_STATUS) || key.equals(FailureRules.HTTP_STATUS_OLD);
    if (!http || value.isEmpty() || value.length() > 9) {
      return -1;
    }
    int status = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      status = status * 10 + (c - '0');
    }
    return status;
  }

  private static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new MalformedLine("the JSON ends early");
    }
    return token;
  }

  /** Fails as the span reader does when a known container field holds the wrong type. */
  private static void expectNullOr(JsonParser parser, Field field, JsonToken value)
      throws IOException {
    if (field == Field.RESOURCE_SPANS) {
      isArray(parser, "resourceSpans");
    } else if (field == Field.WRAPPED) {
      isObject(parser, "document");
    }
    parser.skipChildren();
  }

  /** A span's fields as they arrive, in any order. */
  private static final class SpanDraft {
    long traceHi;
    long traceLo;
    boolean hasTraceId;
    boolean hasSpanId;
    int name = -1;
    SpanKind kind = SpanKind.UNSPECIFIED;
    long start;
    long end;
    StatusCode status = StatusCode.UNSET;
  }

  private record KeyValue(int key, String value) {}
}
