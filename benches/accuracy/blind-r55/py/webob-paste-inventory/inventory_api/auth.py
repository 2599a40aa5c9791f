"""Bearer-token authentication + per-client rate limit as a PasteDeploy filter."""
import hashlib
import time

import redis
from webob import Request, exc


class TokenAuthMiddleware:
    def __init__(self, app, client, exempt_paths, requests_per_minute):
        self.app = app
        self.redis = client
        self.exempt_paths = exempt_paths
        self.limit = requests_per_minute

    def __call__(self, environ, start_response):
        req = Request(environ)
        if req.path_info in self.exempt_paths:
            return self.app(environ, start_response)

        header = req.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return exc.HTTPUnauthorized(json_body={"error": "missing bearer token"})(environ, start_response)

        digest = hashlib.sha256(header[7:].strip().encode()).hexdigest()
        client_id = self.redis.get(f"inventory:token:{digest}")
        if client_id is None:
            return exc.HTTPUnauthorized(json_body={"error": "invalid token"})(environ, start_response)

        window = int(time.time() // 60)
        bucket = f"inventory:rate:{client_id}:{window}"
        pipe = self.redis.pipeline()
        pipe.incr(bucket)
        pipe.expire(bucket, 120)
        count, _ = pipe.execute()
        if count > self.limit:
            return exc.HTTPTooManyRequests(json_body={"error": "rate limit exceeded"})(environ, start_response)

        environ["inventory.client_id"] = client_id
        return self.app(environ, start_response)


def filter_factory(global_config, **local_conf):
    client = redis.Redis.from_url(
        local_conf["redis_url"], decode_responses=True, socket_timeout=1.0, health_check_interval=30
    )
    exempt = frozenset(local_conf.get("exempt_paths", "/health").split())
    limit = int(local_conf.get("requests_per_minute", "600"))

    def _filter(app):
        return TokenAuthMiddleware(app, client, exempt, limit)

    return _filter
