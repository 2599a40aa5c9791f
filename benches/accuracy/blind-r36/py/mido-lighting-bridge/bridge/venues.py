"""Per-venue Redis clients, created lazily and kept for the life of the process."""
import threading

import redis

from . import config


class VenueRedis:
    def __init__(self, venues):
        self._venues = venues
        self._clients = {}
        self._lock = threading.Lock()

    def venue_for_channel(self, channel):
        entry = self._venues.get(str(channel))
        return entry["venue"] if entry else None

    def client(self, channel):
        key = str(channel)
        client = self._clients.get(key)
        if client is None:
            with self._lock:
                client = self._clients.get(key)
                if client is None:
                    client = redis.Redis.from_url(self._venues[key]["redis"],
                                                  socket_timeout=1, health_check_interval=30)
                    self._clients[key] = client
        return client

    def close(self):
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()


venue_redis = VenueRedis(config.VENUES)
