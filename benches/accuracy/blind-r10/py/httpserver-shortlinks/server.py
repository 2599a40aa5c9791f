import json
import os
import secrets
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import redis
import requests

from db import pool

REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")
AUDIT_WEBHOOK = os.environ.get("AUDIT_WEBHOOK_URL")


class LinkHandler(BaseHTTPRequestHandler):
    server_version = "shortlinks/2.1"

    def do_GET(self):
        slug = self.path.strip("/")
        if not slug:
            self.send_error(404)
            return
        cache = redis.Redis(host=REDIS_HOST, port=6379, db=1, decode_responses=True)
        target = cache.get(f"link:{slug}")
        if target is None:
            with pool.connection() as conn:
                row = conn.execute("SELECT target FROM links WHERE slug = %s", (slug,)).fetchone()
            if row is None:
                self.send_error(404, "unknown link")
                return
            target = row[0]
            cache.setex(f"link:{slug}", 3600, target)
        self.send_response(302)
        self.send_header("Location", target)
        self.end_headers()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        slug = body.get("slug") or secrets.token_urlsafe(5)
        conn = pool.getconn()
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO links (slug, target, owner) VALUES (%s, %s, %s) RETURNING slug",
                (slug, body["target"], body.get("owner")),
            )
            slug = cur.fetchone()[0]
        conn.commit()
        pool.putconn(conn)
        if AUDIT_WEBHOOK:
            requests.post(AUDIT_WEBHOOK, json={"event": "link.created", "slug": slug}, timeout=3)
        payload = json.dumps({"slug": slug}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def main() -> None:
    server = ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8000"))), LinkHandler)
    try:
        server.serve_forever()
    finally:
        pool.close()


if __name__ == "__main__":
    main()
