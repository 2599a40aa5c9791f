"""One Redis client per venue (each venue has its own show-control Redis)."""

import threading

import redis

VENUE_REDIS = {
    "main-stage": "redis://10.40.1.10:6379/0",
    "studio": "redis://10.40.2.10:6379/0",
    "foyer": "redis://10.40.3.10:6379/0",
}


class VenueCache:
    def __init__(self, urls=VENUE_REDIS):
        self._urls = dict(urls)
        self._clients = {}
        self._lock = threading.Lock()

    def for_venue(self, venue):
        client = self._clients.get(venue)
        if client is not None:
            return client
        with self._lock:
            client = self._clients.get(venue)
            if client is None:
                url = self._urls.get(venue)
                if url is None:
                    raise KeyError(f"unknown venue {venue!r}")
                client = redis.Redis.from_url(url, decode_responses=True, socket_timeout=0.5)
                self._clients[venue] = client
        return client

    def close(self):
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
