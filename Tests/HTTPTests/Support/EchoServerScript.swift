/// A small HTTP/1.1 server in Python's standard library, run with `python3 -c`.
///
/// It prints its port on the first stdout line and exits when its stdin closes,
/// so it never outlives the test process. Routes:
/// - `/bytes/N`: N bytes of a fixed pattern (`i % 251`).
/// - `/status/N`: status N with a small JSON error body.
/// - `/continue`: an unsolicited `100 Continue` with a header, then 200 "final".
/// - anything else: JSON describing the request exactly as received.
let echoServerScript = #"""
import http.server, json, os, sys, threading

def exit_when_parent_goes():
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, extra=()):
        self.send_response(status)
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/bytes/"):
            count = int(self.path.split("/")[2])
            return self.reply(200, bytes(i % 251 for i in range(count)))
        if self.path.startswith("/status/"):
            status = int(self.path.split("/")[2])
            return self.reply(status, b'{"__type":"ThrottlingException"}')
        if self.path == "/continue":
            self.send_response_only(100)
            self.send_header("X-Interim", "yes")
            self.end_headers()
            return self.reply(200, b"final", [("X-Final", "yes")])
        info = {
            "method": self.command,
            "path": self.path,
            "headers": [[name, value] for name, value in self.headers.items()],
            "bodyLength": len(body),
            "bodySum": sum(body),
            "bodyTail": list(body[-8:]),
            "clientPort": self.client_address[1],
        }
        self.reply(200, json.dumps(info).encode(), [("Content-Type", "application/json")])

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_PATCH = handle_any

threading.Thread(target=exit_when_parent_goes, daemon=True).start()
class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that abort a transfer on purpose reset the connection

server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""#
