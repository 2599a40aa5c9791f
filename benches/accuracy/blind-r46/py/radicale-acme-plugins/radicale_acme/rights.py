"""Radicale [rights] plugin: owners get full access, shared calendars come from Redis.

authorization() is called for every request and every collection path touched.
"""
import os

import redis
from radicale import pathutils, rights


class Rights(rights.BaseRights):
    def __init__(self, configuration):
        super().__init__(configuration)
        self._redis_url = os.environ.get("ACME_SHARES_REDIS", "redis://redis.acme.lan:6379/3")

    def authorization(self, user, path):
        if not user:
            return ""
        sane_path = pathutils.strip_path(path)
        if not sane_path:
            return "R"
        owner, _, collection = sane_path.partition("/")
        if owner == user:
            return "RrWw"

        shares = redis.Redis.from_url(self._redis_url, decode_responses=True)
        grant = shares.hget(f"dav:shares:{owner}/{collection}", user)
        if grant == "rw":
            return "rw"
        if grant == "r":
            return "r"
        return ""
