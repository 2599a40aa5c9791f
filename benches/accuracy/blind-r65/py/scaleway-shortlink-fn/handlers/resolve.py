"""Scaleway Serverless Function: resolves go.acme.io/<code> short links.

The instance keeps the module loaded between invocations, so clients live at module
scope (created on cold start) and are reused by every call to handle().
"""
import json
import os

import psycopg2
import redis

cache = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=1, decode_responses=True)

_conn = None


def db():
    """Lazily opened connection, reopened only if the previous one was closed."""
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg2.connect(os.environ["LINKS_DSN"], connect_timeout=3)
        _conn.autocommit = True
    return _conn


def lookup(code: str):
    target = cache.get(f"link:{code}")
    if target:
        return target
    with db().cursor() as cur:
        cur.execute("SELECT target FROM links WHERE code = %s AND NOT disabled", (code,))
        row = cur.fetchone()
    if row is None:
        return None
    cache.set(f"link:{code}", row[0], ex=3600)
    return row[0]


def handle(event, context):
    """Invoked once per HTTP request routed to the function."""
    code = event.get("path", "/").strip("/").split("/")[0]
    if not code:
        return {"statusCode": 302, "headers": {"Location": "https://www.acme.io"}, "body": ""}
    target = lookup(code)
    if target is None:
        return {
            "statusCode": 404,
            "headers": {"Content-Type": "application/json"},
            "body": json.dumps({"error": f"unknown link {code}"}),
        }
    cache.incr(f"clicks:{code}")
    return {"statusCode": 302, "headers": {"Location": target}, "body": ""}


if __name__ == "__main__":
    from scaleway_functions_python import local

    local.serve_handler(handle, port=8080)
