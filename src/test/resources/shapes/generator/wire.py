"""Wire formats for the trace-shape corpus: one span model, written the way real pipelines write it.

Every span has an origin, the thing that first recorded it:

* ``otel``: an OpenTelemetry SDK or agent. OTLP is native. Jaeger's form is what Jaeger's query
  service answers for OTLP-ingested spans (opentelemetry-collector-contrib
  pkg/translator/jaeger/traces_to_jaegerproto.go, plus ``internal.span.format=otlp``). Zipkin's
  form is what the Collector's ``zipkin`` exporter writes (pkg/translator/zipkin/zipkinv2/
  from_translator.go), as Zipkin's server then returns it (names and service names lower-cased,
  tags sorted).
* ``brave`` / ``envoy``: a Zipkin-native tracer (Brave, Envoy's Zipkin tracer). Zipkin is
  native, with shared client/server span IDs. OTLP is what the Collector's ``zipkin`` receiver
  makes of it (pkg/translator/zipkin/zipkinv2/to_translator.go: only ``error=true`` becomes
  status ERROR; any other ``error`` value stays an attribute). Jaeger's form is what Jaeger makes
  of Zipkin spans (the same receiver translation, ``internal.span.format=zipkin``), after its
  query service gives each shared server half a new span ID (model/adjuster/
  zipkin_span_id_uniquify.go: IDs 1, 2, ... in span order, the shared ID as the new parent).
* ``jaeger``: a Jaeger client (OpenTracing era, HotROD). Jaeger's form is native
  (``internal.span.format=proto``, process tags ``jaeger.version``, ``hostname``, ``ip``). OTLP is
  what the Collector's ``jaeger`` receiver makes of it (pkg/translator/jaeger/
  jaegerproto_to_traces.go: ``error=true`` (bool) becomes ERROR, else the HTTP status decides);
  Zipkin goes on from that OTLP through the Collector's ``zipkin`` exporter.
"""

import json

KINDS = {"UNSPECIFIED": 0, "INTERNAL": 1, "SERVER": 2, "CLIENT": 3, "PRODUCER": 4, "CONSUMER": 5}
STATUS_CODES = {"UNSET": 0, "OK": 1, "ERROR": 2}
GRPC_CODES = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
              "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
              "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
              "UNAUTHENTICATED"]


class Res:
    """A process: its service and resource (OTel) or process tags (Jaeger), or Zipkin endpoint."""

    def __init__(self, service, attrs=(), origin="otel", ip=None):
        self.service = service
        self.attrs = list(attrs)  # [(key, typed value)]; for origin jaeger: the native process tags
        self.origin = origin
        self.ip = ip  # Zipkin localEndpoint.ipv4 for brave/envoy


class Span:
    def __init__(self, trace, res, kind, name, start, end, parent=None, attrs=(), status=None,
                 events=(), links=(), scope=None, span_id=None, shared=False, remote=None):
        self.trace = trace  # 32 hex
        self.res = res
        self.kind = kind  # OTel kind name; for brave/envoy local spans: None
        self.name = name
        self.start = start  # ns since epoch
        self.end = end
        self.parent = parent  # 16 hex or None
        self.attrs = list(attrs)  # otel: typed attributes; brave/envoy: tags (str); jaeger: typed tags
        self.status = status  # otel only: None, ("OK", ""), ("ERROR", message)
        self.events = list(events)  # [(name, ns, [(k, v)])]; jaeger: [(None, ns, fields)]
        self.links = list(links)  # [(trace, span, [(k, v)])]
        self.scope = scope  # (name, version) or None
        self.id = span_id
        self.shared = shared  # brave/envoy: the server half of a shared span ID
        self.remote = remote  # brave/envoy: remoteEndpoint dict

    @property
    def origin(self):
        return self.res.origin


# ---------------------------------------------------------------------------------------------
# The OTLP view: what the OpenTelemetry Collector holds for a span, whatever recorded it.

class View:
    def __init__(self, span, resource, scope, kind, attrs, status, events, links):
        self.span = span
        self.resource = resource  # [(k, v)] including service.name
        self.scope = scope  # (name, version) or ("", "")
        self.kind = kind  # OTel kind name
        self.attrs = attrs
        self.status = status  # ("UNSET"|"OK"|"ERROR", message)
        self.events = events
        self.links = links


def view(span):
    if span.origin == "otel":
        return View(span, span.res.attrs, span.scope or ("", ""), span.kind, list(span.attrs),
                    span.status or ("UNSET", ""), span.events, span.links)
    if span.origin in ("brave", "envoy"):
        return _view_from_zipkin(span)
    return _view_from_jaeger(span)


def _view_from_zipkin(span):
    """The Collector's zipkin receiver (to_translator.go), ParseStringTags off."""
    tags = dict(span.attrs)
    status = ("UNSET", "")
    if tags.get("error") == "true":
        status = ("ERROR", "")
        del tags["error"]
    kind = span.kind or "UNSPECIFIED"
    if span.kind is None and tags.get("span.kind") == "internal":
        kind = "INTERNAL"
        del tags["span.kind"]
    attrs = list(tags.items())
    if span.res.ip:
        attrs.append(("net.host.ip", span.res.ip))
    if span.remote:
        if span.remote.get("serviceName"):
            attrs.append(("peer.service", span.remote["serviceName"]))
        if span.remote.get("ipv4"):
            attrs.append(("net.peer.ip", span.remote["ipv4"]))
        if span.remote.get("port"):
            attrs.append(("net.peer.port", span.remote["port"]))
    events = [(value, t, []) for (value, t, _) in span.events]
    return View(span, [("service.name", span.res.service)], ("", ""), kind, attrs, status, events, [])


def _view_from_jaeger(span):
    """The Collector's jaeger receiver (jaegerproto_to_traces.go)."""
    resource = [("service.name", span.res.service)]
    for key, value in span.res.attrs:
        if key == "hostname":
            resource.append(("host.name", value))
        elif key == "jaeger.version":
            resource.append(("opencensus.exporterversion", "Jaeger-" + value))
        else:
            resource.append((key, value))
    attrs = []
    kind = "UNSPECIFIED"
    for key, value in span.attrs:
        if key == "span.kind":
            kind = value.upper()
        else:
            attrs.append((key, value))
    status = ("UNSET", "")
    error = [v for k, v in attrs if k == "error"]
    if error and error[0] is True:
        attrs = [(k, v) for k, v in attrs if k != "error"]
        status = ("ERROR", "")
    else:
        http = [v for k, v in attrs if k == "http.status_code"]
        if http:
            code = int(http[0])
            if code >= 500 or (400 <= code < 500 and kind == "CLIENT"):
                status = ("ERROR", "")
    events = []
    for _, t, fields in span.events:
        name = ""
        rest = []
        for key, value in fields:
            if key == "event" and isinstance(value, str):
                name = value
            else:
                rest.append((key, value))
        events.append((name, t, rest))
    return View(span, resource, ("", ""), kind, attrs, status, events, [])


# ---------------------------------------------------------------------------------------------
# OTLP JSON, as the Collector's file exporter writes it (pdata JSON marshaler).

def any_value(value):
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, (list, tuple)):
        return {"arrayValue": {"values": [any_value(v) for v in value]}}
    return {"stringValue": value}


def key_values(attrs):
    return [{"key": k, "value": any_value(v)} for k, v in attrs]


def otlp_document(spans):
    resources = []  # [(resource attrs, {scope: [span json]})]
    for span in sorted(spans, key=lambda s: s.start):
        v = view(span)
        entry = next((r for r in resources if r[0] is span.res), None)
        if entry is None:
            entry = (span.res, v.resource, {})
            resources.append(entry)
        entry[2].setdefault(v.scope, []).append(_otlp_span(v))
    out = []
    for _, resource, scopes in resources:
        scope_spans = []
        for (name, version), spans_json in scopes.items():
            scope = {}
            if name:
                scope["name"] = name
            if version:
                scope["version"] = version
            scope_spans.append({"scope": scope, "spans": spans_json})
        out.append({"resource": {"attributes": key_values(resource)}, "scopeSpans": scope_spans})
    return {"resourceSpans": out}


def _otlp_span(v):
    s = v.span
    out = {"traceId": s.trace, "spanId": s.id}
    if s.parent:
        out["parentSpanId"] = s.parent
    out["name"] = s.name
    out["kind"] = KINDS[v.kind]
    out["startTimeUnixNano"] = str(s.start)
    out["endTimeUnixNano"] = str(s.end)
    if v.attrs:
        out["attributes"] = key_values(v.attrs)
    if v.events:
        events = []
        for name, t, attrs in v.events:
            event = {"timeUnixNano": str(t), "name": name}
            if attrs:
                event["attributes"] = key_values(attrs)
            events.append(event)
        out["events"] = events
    if v.links:
        out["links"] = [dict({"traceId": t, "spanId": i}, **({"attributes": key_values(a)} if a else {}))
                        for t, i, a in v.links]
    code, message = v.status
    status = {}
    if message:
        status["message"] = message
    if code != "UNSET":
        status["code"] = STATUS_CODES[code]
    out["status"] = status
    return out


# ---------------------------------------------------------------------------------------------
# Jaeger v1 query API (GET /api/traces/{id}).

def _tag(key, value):
    if isinstance(value, bool):
        return {"key": key, "type": "bool", "value": value}
    if isinstance(value, int):
        return {"key": key, "type": "int64", "value": value}
    if isinstance(value, float):
        return {"key": key, "type": "float64", "value": value}
    if isinstance(value, (list, tuple)):
        return {"key": key, "type": "string", "value": json.dumps(list(value), separators=(",", ":"))}
    return {"key": key, "type": "string", "value": value}


def jaeger_trace_id(trace):
    return trace[16:] if trace.startswith("0" * 16) else trace


def _us(ns):
    return ns // 1000


def jaeger_document(spans):
    spans = sorted(spans, key=lambda s: s.start)
    ids = _uniquified_ids(spans)
    known = {s.id for s in spans} | {new for new, _ in ids}
    processes = []  # [(key, process json)]
    out_spans = []
    for index, span in enumerate(spans):
        span_id, parent = ids[index]
        if span.origin == "jaeger":
            tags = [_tag(k, v) for k, v in span.attrs] + [_tag("internal.span.format", "proto")]
            logs = [{"timestamp": _us(t), "fields": [_tag(k, v) for k, v in fields]}
                    for _, t, fields in span.events]
            process = {"serviceName": span.res.service, "tags": [_tag(k, v) for k, v in span.res.attrs]}
            references = []
            if parent:
                references.append({"refType": "CHILD_OF", "traceID": jaeger_trace_id(span.trace),
                                   "spanID": parent})
        else:
            v = view(span)
            fmt = "otlp" if span.origin == "otel" else "zipkin"
            tags = _jaeger_tags(v) + [_tag("internal.span.format", fmt)]
            logs = []
            for name, t, attrs in v.events:
                fields = ([_tag("event", name)] if name else []) + [_tag(k, a) for k, a in attrs]
                logs.append({"timestamp": _us(t), "fields": fields})
            process_tags = sorted((_tag(k, a) for k, a in v.resource if k != "service.name"),
                                  key=lambda t: t["key"])
            process = {"serviceName": span.res.service, "tags": process_tags}
            references = []
            if parent:
                references.append({"refType": "CHILD_OF", "traceID": jaeger_trace_id(span.trace),
                                   "spanID": parent})
            for trace, linked, _ in v.links:
                references.append({"refType": "FOLLOWS_FROM", "traceID": jaeger_trace_id(trace),
                                   "spanID": linked})
        key = json.dumps(process, sort_keys=True)
        found = next((p for p in processes if p[0] == key), None)
        if found is None:
            found = (key, "p%d" % (len(processes) + 1), process)
            processes.append(found)
        warnings = None
        if parent and parent not in known:
            warnings = ["invalid parent span IDs=%s; skipping clock skew adjustment" % parent]
        out_spans.append({
            "traceID": jaeger_trace_id(span.trace), "spanID": span_id, "flags": 1,
            "operationName": span.name, "references": references,
            "startTime": _us(span.start), "duration": _us(span.end - span.start),
            "tags": tags, "logs": logs, "processID": found[1], "warnings": warnings})
    trace_id = jaeger_trace_id(spans[0].trace)
    return {"data": [{"traceID": trace_id, "spans": out_spans,
                      "processes": {p[1]: p[2] for p in processes}, "warnings": None}],
            "total": 0, "limit": 0, "offset": 0, "errors": None}


def _jaeger_tags(v):
    tags = []
    if v.scope[0]:
        tags.append(_tag("otel.scope.name", v.scope[0]))
        if v.scope[1]:
            tags.append(_tag("otel.scope.version", v.scope[1]))
    tags += [_tag(k, a) for k, a in v.attrs]
    if v.kind != "UNSPECIFIED":
        tags.append(_tag("span.kind", v.kind.lower()))
    code, message = v.status
    if code != "UNSET":
        tags.append(_tag("otel.status_code", code))
    if code == "ERROR":
        tags.append(_tag("error", True))
    if message:
        tags.append(_tag("otel.status_description", message))
    return tags


def _uniquified_ids(spans):
    """Jaeger's ZipkinSpanIDUniquifier: a server span sharing its ID with a client span gets the
    first unused ID counting from 1, the shared ID becomes its parent, and the spans that had the
    shared ID as their parent move under the new ID."""
    client_ids = {s.id for s in spans if view(s).kind == "CLIENT"}
    used = {int(s.id, 16) for s in spans}
    next_id = 0
    renamed = {}
    result = []
    for span in spans:
        if view(span).kind == "SERVER" and span.id in client_ids:
            next_id += 1
            while next_id in used:
                next_id += 1
            new = "%016x" % next_id
            renamed[span.id] = new
            result.append([new, span.id, True])
        else:
            result.append([span.id, span.parent, False])
    for entry in result:
        if not entry[2] and entry[1] in renamed:
            entry[1] = renamed[entry[1]]
    return [(e[0], e[1]) for e in result]


# ---------------------------------------------------------------------------------------------
# Zipkin v2 (GET /api/v2/trace/{id}), as zipkin-server returns it.

def zipkin_trace_id(trace):
    return trace[16:] if trace.startswith("0" * 16) else trace


def go_json(value):
    """encoding/json.Marshal of a map[string]any: sorted keys, compact, HTML characters escaped."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def go_string(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), separators=(",", ":"))
    return value


def zipkin_document(spans):
    out = []
    for span in sorted(spans, key=lambda s: s.start):
        out.append(_zipkin_native(span) if span.origin in ("brave", "envoy") else _zipkin_exported(span))
    return out


def _zipkin_native(span):
    z = {"traceId": zipkin_trace_id(span.trace)}
    if span.parent:
        z["parentId"] = span.parent
    z["id"] = span.id
    if span.kind:
        z["kind"] = span.kind
    z["name"] = span.name.lower()
    z["timestamp"] = _us(span.start)
    z["duration"] = _us(span.end - span.start)
    local = {"serviceName": span.res.service.lower()}
    if span.res.ip:
        local["ipv4"] = span.res.ip
    z["localEndpoint"] = local
    if span.remote:
        remote = dict(span.remote)
        if "serviceName" in remote:
            remote["serviceName"] = remote["serviceName"].lower()
        z["remoteEndpoint"] = remote
    if span.events:
        z["annotations"] = [{"timestamp": _us(t), "value": value} for value, t, _ in span.events]
    z["tags"] = dict(sorted(span.attrs))
    if span.shared:
        z["shared"] = True
    return z


def _zipkin_exported(span):
    """The Collector's zipkin exporter (from_translator.go) for one span of the OTLP view."""
    v = view(span)
    tags = {}
    for key, value in v.resource:
        if key != "service.name":
            tags[key] = go_string(value)
    if v.scope[0]:
        tags["otel.library.name"] = v.scope[0]
        if v.scope[1]:
            tags["otel.library.version"] = v.scope[1]
    for key, value in v.attrs:
        tags[key] = go_string(value)
    if v.kind == "INTERNAL":
        tags["span.kind"] = "internal"
    local = {"serviceName": span.res.service.lower()}
    remote = None
    if "peer.service" in tags:
        remote = {"serviceName": tags.pop("peer.service").lower()}
    if "net.peer.ip" in tags:
        remote = remote or {}
        remote["ipv4"] = tags.pop("net.peer.ip")
    if "net.peer.port" in tags and remote is not None:
        remote["port"] = int(tags.pop("net.peer.port"))
    if "net.host.ip" in tags:
        local["ipv4"] = tags.pop("net.host.ip")
    code, message = v.status
    if code != "ERROR":
        tags.pop("error", None)  # "The error tag should only be set if Status is Error."
    else:
        tags["error"] = "true"
    if code != "UNSET":
        tags["otel.status_code"] = "STATUS_CODE_" + code
        if message:
            tags["otel.status_description"] = message
    for i, (trace, linked, attrs) in enumerate(v.links):
        tags["otlp.link.%d" % i] = "%s|%s||%s|0" % (trace, linked, go_json(dict(attrs)))
    z = {"traceId": zipkin_trace_id(span.trace)}
    if span.parent:
        z["parentId"] = span.parent
    z["id"] = span.id
    if v.kind in ("SERVER", "CLIENT", "PRODUCER", "CONSUMER"):
        z["kind"] = v.kind
    z["name"] = span.name.lower()
    z["timestamp"] = (span.start + 500) // 1000
    z["duration"] = (span.end - span.start) // 1000
    z["localEndpoint"] = local
    if remote:
        z["remoteEndpoint"] = remote
    if v.events:
        annotations = []
        for name, t, attrs in v.events:
            value = "%s|%s|0" % (name, go_json(dict(attrs))) if attrs else name
            annotations.append({"timestamp": (t + 500) // 1000, "value": value})
        z["annotations"] = sorted(annotations, key=lambda a: a["timestamp"])
    z["tags"] = dict(sorted(tags.items()))
    return z


def has_links(spans):
    return any(view(s).links for s in spans)
