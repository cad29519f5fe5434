#!/usr/bin/env python3
"""A fault-injecting HTTP proxy between Bunker and moto, for the reliability tests.

It forwards every request byte for byte (method, path, headers including Host, body) to
the upstream and relays the answer, so SigV4 signatures stay valid. Rules, set over a
control API, replace chosen answers with the failures real AWS produces:

  throttle     JSON services: 400 ThrottlingException; S3: 503 SlowDown
  unavailable  503 ServiceUnavailable (JSON or XML body)
  internal     500 InternalFailure / InternalError
  reset        close the connection without an answer
  error        answer with the rule's "status" and AWS error "code" (JSON services) instead
               of forwarding, e.g. ResourceNotFoundException for a version without value
  hang         hold the request for "seconds" (default 300) before forwarding it, or,
               with "afterForward": true, forward it and hold the answer (the write
               happened, the caller never hears of it): for killing a client mid-call
  deny-secret  GetSecretValue of the rule's secret: 400 AccessDeniedException; in
               BatchGetSecretValue the secret is moved from SecretValues to Errors
               (what AWS does when the caller may not use the secret's KMS key)

A rule matches on service (from the SigV4 credential scope) and action (X-Amz-Target for
JSON services; for S3 the REST operation: PutObject, UploadPart, CreateMultipartUpload,
CompleteMultipartUpload, AbortMultipartUpload, GetObject, HeadObject, ListObjectsV2,
DeleteObject, ...), optionally on a substring of the request body ("bodyContains"), and
fires for its first "count" matches (-1 = forever) after skipping "after" matches.

Control API (on the proxy's own port, never forwarded):
  PUT  /__fault/rules   body: JSON list of rules; replaces all rules, resets counters
  GET  /__fault/stats   {"forwarded": n, "injected": {"<fault> <service>:<action>": n}}

Usage: fault_proxy.py UPSTREAM_URL PORT_FILE   (prints nothing; writes its port to
PORT_FILE once it listens on 127.0.0.1; stops on SIGTERM)
"""

import http.client
import http.server
import json
import re
import socket
import sys
import threading
import time
import urllib.parse

S3_QUERY_ACTIONS = {
    ("POST", "uploads"): "CreateMultipartUpload",
    ("PUT", "partNumber"): "UploadPart",
    ("POST", "uploadId"): "CompleteMultipartUpload",
    ("DELETE", "uploadId"): "AbortMultipartUpload",
    ("GET", "uploadId"): "ListParts",
    ("GET", "uploads"): "ListMultipartUploads",
    ("GET", "versions"): "ListObjectVersions",
    ("PUT", "retention"): "PutObjectRetention",
    ("GET", "retention"): "GetObjectRetention",
}
S3_PLAIN_ACTIONS = {
    ("PUT", True): "PutObject", ("GET", True): "GetObject", ("HEAD", True): "HeadObject",
    ("DELETE", True): "DeleteObject", ("GET", False): "ListObjectsV2",
    ("PUT", False): "CreateBucket", ("HEAD", False): "HeadBucket",
    ("DELETE", False): "DeleteBucket",
}


def classify(method, target, headers):
    """The (service, action) of a request."""
    scope = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", headers.get("authorization", ""))
    service = scope.group(1) if scope else "unsigned"
    amz_target = headers.get("x-amz-target")
    if amz_target:
        return service, amz_target.split(".")[-1]
    path, _, query = target.partition("?")
    keys = [item.split("=", 1)[0] for item in query.split("&") if item]
    for key in keys:
        action = S3_QUERY_ACTIONS.get((method, key))
        if action:
            return service, action
    has_key = len([part for part in path.split("/") if part]) > 1  # path style: /bucket/key
    return service, S3_PLAIN_ACTIONS.get((method, has_key), f"{method} {path}")


class Rules:
    def __init__(self):
        self.lock = threading.Lock()
        self.rules = []
        self.forwarded = 0
        self.injected = {}

    def replace(self, rules):
        with self.lock:
            self.rules = [dict(rule, seen=0, fired=0) for rule in rules]
            self.forwarded = 0
            self.injected = {}

    def match(self, service, action, body):
        """The rule that fires for this request, or None."""
        text = comparable_text(body)
        with self.lock:
            for rule in self.rules:
                if rule.get("service") not in (None, service):
                    continue
                if rule.get("action") not in (None, action):
                    continue
                needle = rule.get("bodyContains") or (
                    rule.get("secret") if rule.get("fault") == "deny-secret" else None)
                if needle and needle not in text:
                    continue
                rule["seen"] += 1
                if rule["seen"] <= rule.get("after", 0):
                    continue
                count = rule.get("count", -1)
                if count != -1 and rule["fired"] >= count:
                    continue
                rule["fired"] += 1
                name = f"{rule['fault']} {service}:{action}"
                self.injected[name] = self.injected.get(name, 0) + 1
                return rule
            self.forwarded += 1
            return None

    def stats(self):
        with self.lock:
            return {"forwarded": self.forwarded, "injected": dict(self.injected)}


def comparable_text(body):
    """The body as text to search; JSON is re-encoded so that escaped slashes (`\\/`, as
    Swift's JSONEncoder writes them) do not hide a name."""
    try:
        return json.dumps(json.loads(body), ensure_ascii=False)
    except ValueError:
        return body.decode("utf-8", "replace")


def failure(service, fault):
    """(status, content type, body) of an injected AWS failure."""
    json_codes = {
        "throttle": (400, "ThrottlingException", "Rate exceeded"),
        "unavailable": (503, "ServiceUnavailableException", "Service unavailable"),
        "internal": (500, "InternalFailure", "Internal failure"),
    }
    xml_codes = {
        "throttle": (503, "SlowDown", "Please reduce your request rate."),
        "unavailable": (503, "ServiceUnavailable", "Service unavailable"),
        "internal": (500, "InternalError", "We encountered an internal error."),
    }
    if service == "s3":
        status, code, message = xml_codes[fault]
        body = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code>"
                f"<Message>{message}</Message><RequestId>fault-proxy</RequestId></Error>")
        return status, "application/xml", body.encode()
    status, code, message = json_codes[fault]
    return status, "application/x-amz-json-1.1", json.dumps(
        {"__type": code, "message": message}).encode()


def deny_batch(body, secret):
    """A BatchGetSecretValue answer with `secret` moved from SecretValues to Errors."""
    reply = json.loads(body)
    kept, errors = [], list(reply.get("Errors", []))
    for value in reply.get("SecretValues", []):
        if secret in (value.get("Name"), value.get("ARN")) or secret in value.get("ARN", ""):
            errors.append({"SecretId": value.get("ARN"), "ErrorCode": "AccessDeniedException",
                           "Message": "Access to KMS is not allowed"})
        else:
            kept.append(value)
    reply["SecretValues"], reply["Errors"] = kept, errors
    return json.dumps(reply).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    rules = Rules()
    upstream = None

    def log_message(self, *args):
        pass

    def do_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/__fault/"):
            return self.control(body)

        headers = {name.lower(): value for name, value in self.headers.items()}
        service, action = classify(self.command, self.path, headers)
        rule = self.rules.match(service, action, body)
        fault = rule["fault"] if rule else None
        if fault == "reset":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault == "hang" and not rule.get("afterForward"):
            time.sleep(rule.get("seconds", 300))
        if fault == "deny-secret" and action == "GetSecretValue":
            return self.reply(400, "application/x-amz-json-1.1", json.dumps({
                "__type": "AccessDeniedException",
                "message": "Access to KMS is not allowed"}).encode())
        if fault in ("throttle", "unavailable", "internal"):
            return self.reply(*failure(service, fault))
        if fault == "error":
            return self.reply(rule.get("status", 400), "application/x-amz-json-1.1", json.dumps(
                {"__type": rule["code"], "message": rule.get("message", "injected")}).encode())

        status, reply_headers, reply_body = self.forward(body)
        if fault == "hang" and rule.get("afterForward"):
            time.sleep(rule.get("seconds", 300))
        if fault == "deny-secret" and action == "BatchGetSecretValue" and status == 200:
            reply_body = deny_batch(reply_body, rule["secret"])
        self.send_response(status)
        for name, value in reply_headers:
            if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply_body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply_body)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_PATCH = do_any

    def forward(self, body):
        connection = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port,
                                                timeout=60)
        connection.putrequest(self.command, self.path, skip_host=True,
                              skip_accept_encoding=True)
        for name, value in self.headers.items():
            connection.putheader(name, value)
        connection.endheaders(body if body else None)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, response.getheaders(), data

    def control(self, body):
        if self.command == "PUT" and self.path == "/__fault/rules":
            self.rules.replace(json.loads(body or b"[]"))
            return self.reply(200, "application/json", b"{}")
        if self.command == "GET" and self.path == "/__fault/stats":
            return self.reply(200, "application/json", json.dumps(self.rules.stats()).encode())
        return self.reply(404, "application/json", b'{"error":"unknown control path"}')

    def reply(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    Handler.upstream = urllib.parse.urlparse(argv[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(argv[2], "w", encoding="utf-8") as handle:
        handle.write(f"{server.server_address[1]}\n")
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
