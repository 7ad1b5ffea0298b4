"""The small DSL the shapes are written in: shapes, traces, resources per SDK, exceptions."""

import datetime
import random
import uuid

from wire import Res, Span

BASE = datetime.datetime(2026, 2, 6, 10, 0, tzinfo=datetime.timezone.utc)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class Trace:
    def __init__(self, shape, start, id64=False):
        self.shape = shape
        self.rng = shape.rng
        self.id = ("0" * 16 + self._hex(16)) if id64 else self._hex(32)
        self.t0 = start  # ns
        self.spans = []

    def _hex(self, n):
        while True:
            value = "%0*x" % (n, self.rng.getrandbits(n * 4))
            if value[0] != "0":
                return value

    def new_id(self):
        return self._hex(16)

    def ns(self, ms, exact_us=False):
        base = self.t0 + int(round(ms * 1_000_000))
        return base - base % 1000 if exact_us else base + self.rng.randint(0, 999) - base % 1000

    def span(self, res, kind, name, start_ms, end_ms, parent=None, span_id=None, **kw):
        exact = res.origin != "otel"
        parent_id = parent.id if isinstance(parent, Span) else parent
        span = Span(self.id, res, kind, name, self.ns(start_ms, exact), self.ns(end_ms, exact),
                    parent=parent_id, span_id=span_id or self.new_id(), **kw)
        self.spans.append(span)
        return span

    def at(self, ms):
        """An event time, in ns."""
        return self.ns(ms)


class Shape:
    """One named trace shape: its main trace, an optional linked trace, and what it should give."""

    def __init__(self, number, directory, constant, summary, source, user, id64=False):
        self.number = number
        self.dir = directory
        self.constant = constant
        self.summary = summary
        self.source = source
        self.user = user
        self.rng = random.Random(directory)
        start = BASE + datetime.timedelta(minutes=(number - 1) * 14,
                                          seconds=self.rng.randint(3, 50),
                                          microseconds=self.rng.randint(0, 999_999))
        self.t0 = (start - EPOCH) // datetime.timedelta(microseconds=1) * 1000
        self.trace = Trace(self, self.t0, id64)
        self.linked = None
        self.verdict = None
        self.culprit = None
        self.timed_out = False
        self.asynchronous = False
        self.entry_missing = False
        self.recovered = []
        self.others = []
        self.verdict_text = ""
        self.notes = ""
        self.formats = ["otlp", "jaeger", "zipkin"]
        self.format_notes = ""

    def link_trace(self, offset_ms, id64=False):
        self.linked = Trace(self, self.t0 + int(offset_ms * 1_000_000), id64)
        return self.linked

    def uuid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def expect(self, verdict, culprit=None, timed_out=False, asynchronous=False, entry_missing=False,
               recovered=(), text="", notes=""):
        self.verdict = verdict
        self.culprit = culprit
        self.timed_out = timed_out
        self.asynchronous = asynchronous
        self.entry_missing = entry_missing
        self.recovered = list(recovered)
        self.verdict_text = text
        self.notes = notes


# ---------------------------------------------------------------------------------------------
# Resources as each SDK fills them in.

def java(shape, service, pod_suffix, version="1.8.3", namespace="shop"):
    pod = "%s-%s" % (service, pod_suffix)
    return Res(service, sorted([
        ("container.id", "%064x" % shape.rng.getrandbits(256)),
        ("host.arch", "amd64"),
        ("host.name", pod),
        ("k8s.namespace.name", namespace),
        ("k8s.pod.name", pod),
        ("os.description", "Linux 6.1.112-124.190.amzn2023.x86_64"),
        ("os.type", "linux"),
        ("process.command_args", ["/opt/java/openjdk/bin/java", "-javaagent:/otel/opentelemetry-javaagent.jar",
                                  "-jar", "/app/app.jar"]),
        ("process.executable.path", "/opt/java/openjdk/bin/java"),
        ("process.pid", 1),
        ("process.runtime.description", "Eclipse Adoptium OpenJDK 64-Bit Server VM 21.0.5+11-LTS"),
        ("process.runtime.name", "OpenJDK Runtime Environment"),
        ("process.runtime.version", "21.0.5+11-LTS"),
        ("service.instance.id", shape.uuid()),
        ("service.name", service),
        ("service.version", version),
        ("telemetry.distro.name", "opentelemetry-java-instrumentation"),
        ("telemetry.distro.version", "2.10.0"),
        ("telemetry.sdk.language", "java"),
        ("telemetry.sdk.name", "opentelemetry"),
        ("telemetry.sdk.version", "1.44.1"),
    ]))


def python(shape, service, pod_suffix, version="2.3.0"):
    return Res(service, [
        ("telemetry.sdk.language", "python"),
        ("telemetry.sdk.name", "opentelemetry"),
        ("telemetry.sdk.version", "1.27.0"),
        ("service.name", service),
        ("service.version", version),
        ("service.instance.id", "%s-%s" % (service, pod_suffix)),
        ("telemetry.auto.version", "0.48b0"),
    ])


def go(shape, service, pod_suffix, sdk="1.24.0", version="v0.14.2"):
    return Res(service, sorted([
        ("host.name", "%s-%s" % (service, pod_suffix)),
        ("service.name", service),
        ("service.version", version),
        ("telemetry.sdk.language", "go"),
        ("telemetry.sdk.name", "opentelemetry"),
        ("telemetry.sdk.version", sdk),
    ]))


def dotnet(shape, service, pod_suffix):
    return Res(service, [
        ("service.name", service),
        ("service.instance.id", shape.uuid()),
        ("host.name", "%s-%s" % (service, pod_suffix)),
        ("telemetry.sdk.name", "opentelemetry"),
        ("telemetry.sdk.language", "dotnet"),
        ("telemetry.sdk.version", "1.9.0"),
    ])


def node(shape, service, pod_suffix, version="3.4.1"):
    return Res(service, [
        ("service.name", service),
        ("service.version", version),
        ("telemetry.sdk.language", "nodejs"),
        ("telemetry.sdk.name", "opentelemetry"),
        ("telemetry.sdk.version", "1.26.0"),
        ("process.pid", 1),
        ("process.executable.name", "node"),
        ("process.executable.path", "/usr/local/bin/node"),
        ("process.command_args", ["/usr/local/bin/node", "--require", "./instrumentation.js", "server.js"]),
        ("process.runtime.version", "20.18.0"),
        ("process.runtime.name", "nodejs"),
        ("process.runtime.description", "Node.js"),
        ("host.name", "%s-%s" % (service, pod_suffix)),
        ("host.arch", "amd64"),
    ])


def demo(shape, service, language, sdk, pod_suffix, extra=()):
    """A service of the OpenTelemetry demo 1.12 (Kubernetes install: k8s attributes added by the Collector)."""
    attrs = [
        ("service.name", service),
        ("service.namespace", "opentelemetry-demo"),
        ("service.version", "1.12.0"),
        ("telemetry.sdk.language", language),
        ("telemetry.sdk.name", "opentelemetry"),
        ("telemetry.sdk.version", sdk),
    ] + list(extra) + [
        ("k8s.namespace.name", "otel-demo"),
        ("k8s.pod.name", "%s-%s" % (service, pod_suffix)),
        ("k8s.deployment.name", service),
    ]
    return Res(service, attrs)


# ---------------------------------------------------------------------------------------------
# Exceptions as each SDK records them.

def java_exception(trace, ms, type_, message, frames):
    stack = "%s: %s\n%s" % (type_, message, "".join("\tat %s\n" % f for f in frames))
    return ("exception", trace.at(ms), [("exception.type", type_), ("exception.message", message),
                                        ("exception.stacktrace", stack)])


def python_exception(trace, ms, type_, message, frames, qualified=None):
    stack = "Traceback (most recent call last):\n%s%s: %s\n" % (
        "".join('  File "%s", line %d, in %s\n    %s\n' % f for f in frames), qualified or type_, message)
    return ("exception", trace.at(ms), [("exception.type", type_), ("exception.message", message),
                                        ("exception.stacktrace", stack), ("exception.escaped", "False")])


def dotnet_exception(trace, ms, type_, message, frames):
    stack = "%s: %s\n%s" % (type_, message, "\n".join("   at %s" % f for f in frames))
    return ("exception", trace.at(ms), [("exception.type", type_), ("exception.stacktrace", stack),
                                        ("exception.message", message)])


def node_exception(trace, ms, type_, message, frames):
    stack = "%s: %s\n%s" % (type_, message, "\n".join("    at %s" % f for f in frames))
    return ("exception", trace.at(ms), [("exception.type", type_), ("exception.message", message),
                                        ("exception.stacktrace", stack)])


def go_error(trace, ms, type_, message):
    return ("exception", trace.at(ms), [("exception.type", type_), ("exception.message", message)])


# Scopes of the Java agent 2.10.0.
def jscope(name):
    return ("io.opentelemetry." + name, "2.10.0-alpha")


PY = "0.48b0"
