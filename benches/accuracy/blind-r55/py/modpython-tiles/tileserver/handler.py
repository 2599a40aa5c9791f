"""mod_python handler serving Mapbox vector tiles: /tiles/{z}/{x}/{y}.pbf"""
import os
import re

import psycopg2
import redis
from mod_python import apache

from tileserver import db

TILE_RE = re.compile(r"^/tiles/(\d{1,2})/(\d+)/(\d+)\.pbf$")
MAX_ZOOM = 16
CACHE_TTL = 6 * 3600


def connect_cache():
    url = os.environ.get("TILES_REDIS_URL", "redis://redis.internal:6379/5")
    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)


# one client (and one small connection pool) per Apache child process
cache = connect_cache()


def _cache_get(key):
    try:
        return cache.get(key)
    except redis.RedisError:
        return None


def _cache_put(key, data):
    try:
        cache.setex(key, CACHE_TTL, data)
    except redis.RedisError:
        pass


def _send(req, data, cache_status):
    req.content_type = "application/vnd.mapbox-vector-tile"
    req.headers_out["Cache-Control"] = "public, max-age=3600"
    req.headers_out["X-Tile-Cache"] = cache_status
    req.set_content_length(len(data))
    if req.method != "HEAD":
        req.write(data)
    return apache.OK


def handler(req):
    if req.method not in ("GET", "HEAD"):
        return apache.HTTP_METHOD_NOT_ALLOWED

    match = TILE_RE.match(req.uri)
    if match is None:
        return apache.HTTP_NOT_FOUND
    z, x, y = (int(v) for v in match.groups())
    if z > MAX_ZOOM or x >= 2 ** z or y >= 2 ** z:
        return apache.HTTP_NOT_FOUND

    key = f"tile:roads:{z}:{x}:{y}"
    cached = _cache_get(key)
    if cached is not None:
        return _send(req, cached, "HIT")

    try:
        data = db.render_tile(req, z, x, y)
    except psycopg2.extensions.QueryCanceledError:
        apache.log_error(f"tileserver: timeout rendering {z}/{x}/{y}", apache.APLOG_WARNING, req.server)
        return apache.HTTP_SERVICE_UNAVAILABLE
    except psycopg2.Error as exc:
        apache.log_error(f"tileserver: {exc}", apache.APLOG_ERR, req.server)
        return apache.HTTP_INTERNAL_SERVER_ERROR

    _cache_put(key, data)
    return _send(req, data, "MISS")
