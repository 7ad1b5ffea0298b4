"""Span attributes as each instrumentation library writes them (versions in the shape sources)."""

import zlib


def _port(text, base, spread):
    """A stable ephemeral port for a text (str hash() is salted per process)."""
    return base + zlib.crc32(text.encode()) % spread

UA_CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/132.0.0.0 Safari/537.36")
UA_IOS = "ShopApp/7.12.0 (iPhone; iOS 18.2; Scale/3.00)"


def java_server(method, path, route, status, peer, host, port=8080, error_type=None, ua=UA_CHROME):
    """Java agent 2.x HTTP server span (stable HTTP semconv)."""
    attrs = [
        ("client.address", peer),
        ("http.request.method", method),
        ("http.response.status_code", status),
        ("http.route", route),
        ("network.peer.address", peer),
        ("network.peer.port", _port(path, 50000, 10000)),
        ("network.protocol.version", "1.1"),
        ("server.address", host),
        ("server.port", port),
        ("url.path", path),
        ("url.scheme", "http"),
        ("user_agent.original", ua),
    ]
    if error_type or status >= 500:
        attrs.append(("error.type", error_type or str(status)))
    return sorted(attrs)


def java_client(method, url, status, host, port=8080, error_type=None, resend=None, proto="1.1"):
    """Java agent 2.x HTTP client span (java-http-client, okhttp-3.0)."""
    attrs = [
        ("http.request.method", method),
        ("network.protocol.version", proto),
        ("server.address", host),
        ("server.port", port),
        ("url.full", url),
    ]
    if status is not None:
        attrs.append(("http.response.status_code", status))
    if resend:
        attrs.append(("http.request.resend_count", resend))
    if error_type or (status is not None and status >= 400):
        attrs.append(("error.type", error_type or str(status)))
    return sorted(attrs)


def jdbc(operation, table, db, statement, host, system="postgresql", user="app", port=5432):
    """Java agent 2.10 JDBC client span."""
    return sorted([
        ("db.name", db),
        ("db.operation", operation),
        ("db.sql.table", table),
        ("db.statement", statement),
        ("db.system", system),
        ("db.user", user),
        ("server.address", host),
        ("server.port", port),
    ])


def go_server(method, target, status, host, peer, port=8080, route=None, ua=UA_CHROME):
    """otelhttp v0.49 handler span (semconv 1.20: old HTTP attribute names)."""
    attrs = [
        ("http.method", method),
        ("http.scheme", "http"),
        ("net.host.name", host),
        ("net.host.port", port),
        ("net.sock.peer.addr", peer),
        ("net.sock.peer.port", _port(target, 40000, 20000)),
        ("user_agent.original", ua),
        ("net.protocol.version", "1.1"),
    ]
    if route:
        attrs.append(("http.route", route))
    if status is not None:
        attrs.append(("http.status_code", status))
    return attrs


def go_client(method, url, status, host, port=8080):
    """otelhttp v0.49 transport span."""
    attrs = [("http.method", method), ("http.url", url), ("net.peer.name", host), ("net.peer.port", port)]
    if status is not None:
        attrs.append(("http.status_code", status))
    return attrs


def grpc_go(service, method, code, peer, port):
    """otelgrpc v0.49 stats-handler span."""
    return [("rpc.system", "grpc"), ("rpc.service", service), ("rpc.method", method),
            ("net.sock.peer.addr", peer), ("net.sock.peer.port", port), ("rpc.grpc.status_code", code)]


def flask_server(method, target, route, status, host, peer, port=5000, ua=UA_CHROME):
    """opentelemetry-instrumentation-flask 0.48b0 (old HTTP semconv, its default)."""
    return [
        ("http.method", method),
        ("http.server_name", "0.0.0.0"),
        ("http.scheme", "http"),
        ("net.host.port", port),
        ("http.host", "%s:%d" % (host, port)),
        ("http.target", target),
        ("net.peer.ip", peer),
        ("http.user_agent", ua),
        ("net.peer.port", _port(target, 30000, 30000)),
        ("http.flavor", "1.1"),
        ("http.route", route),
        ("http.status_code", status),
    ]


def redis_py(statement, host="redis-cart", port=6379):
    """opentelemetry-instrumentation-redis 0.48b0."""
    return [("db.statement", statement), ("db.system", "redis"), ("db.redis.database_index", 0),
            ("net.peer.name", host), ("net.peer.port", port), ("net.transport", "ip_tcp"),
            ("db.redis.args_length", len(statement.split()))]


def node_server(method, target, route, status, host, peer, port=8080, ua=UA_CHROME, text=None):
    """@opentelemetry/instrumentation-http 0.53 (old HTTP semconv, its default)."""
    return [
        ("http.url", "http://%s:%d%s" % (host, port, target)),
        ("http.host", "%s:%d" % (host, port)),
        ("net.host.name", host),
        ("http.method", method),
        ("http.scheme", "http"),
        ("http.target", target),
        ("http.user_agent", ua),
        ("http.flavor", "1.1"),
        ("net.transport", "ip_tcp"),
        ("net.host.ip", "::ffff:10.42.3.17"),
        ("net.host.port", port),
        ("net.peer.ip", peer),
        ("net.peer.port", _port(target, 40000, 20000)),
        ("http.status_code", status),
        ("http.status_text", text or {200: "OK", 202: "ACCEPTED", 400: "BAD REQUEST", 404: "NOT FOUND",
                                      500: "INTERNAL SERVER ERROR"}.get(status, "")),
        ("http.route", route),
    ]


def node_grpc_client(service, method, code, host, port):
    """@opentelemetry/instrumentation-grpc 0.53 client span."""
    return [("rpc.system", "grpc"), ("rpc.method", method), ("rpc.service", service),
            ("net.peer.name", host), ("net.peer.port", port), ("rpc.grpc.status_code", code)]


def aspnet_server(method, path, route, status, host, port=8080, error_type=None, ua=UA_CHROME):
    """ASP.NET Core 8 with OpenTelemetry.Instrumentation.AspNetCore 1.9 (stable HTTP semconv)."""
    attrs = [
        ("server.address", host),
        ("server.port", port),
        ("http.request.method", method),
        ("url.scheme", "http"),
        ("url.path", path),
        ("network.protocol.version", "1.1"),
        ("user_agent.original", ua),
        ("http.route", route),
        ("http.response.status_code", status),
    ]
    if error_type or status >= 500:
        attrs.append(("error.type", error_type or str(status)))
    return attrs


def httpclient_dotnet(method, url, status, host, port=8080):
    """System.Net.Http client span (OpenTelemetry.Instrumentation.Http 1.9)."""
    attrs = [("http.request.method", method), ("server.address", host), ("server.port", port),
             ("url.full", url), ("network.protocol.version", "1.1"), ("http.response.status_code", status)]
    if status >= 400:
        attrs.append(("error.type", str(status)))
    return attrs
