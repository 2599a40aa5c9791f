"""Per-packet verdicts. __call__ runs for every SYN queued by iptables."""
import queue
import threading
import time

import geoip2.database
import geoip2.errors
from scapy.layers.inet import IP, TCP


class GeoFilter:
    def __init__(self, geo: geoip2.database.Reader, pool, cache, refresh_every: float = 30.0):
        self._geo = geo
        self._pool = pool          # psycopg_pool.ConnectionPool, built once in main
        self._cache = cache        # redis.Redis, built once in main
        self._refresh_every = refresh_every
        self._blocked: frozenset[str] = frozenset()
        self._loaded_at = 0.0
        self._drops: "queue.Queue[tuple]" = queue.Queue(maxsize=10_000)
        threading.Thread(target=self._write_drops, name="drop-writer", daemon=True).start()

    def _refresh(self) -> None:
        with self._pool.connection() as conn:
            rows = conn.execute("SELECT country FROM blocked_countries").fetchall()
        self._blocked = frozenset(r[0] for r in rows)
        self._loaded_at = time.monotonic()

    def __call__(self, pkt) -> None:
        if time.monotonic() - self._loaded_at > self._refresh_every:
            self._refresh()
        ip = IP(pkt.get_payload())
        if self._cache.sismember("geoblock:allow", ip.src):
            pkt.accept()
            return
        try:
            country = self._geo.country(ip.src).country.iso_code
        except geoip2.errors.AddressNotFoundError:
            country = None
        if country in self._blocked:
            pkt.drop()
            dport = ip[TCP].dport if ip.haslayer(TCP) else None
            try:
                self._drops.put_nowait((ip.src, country, dport))
            except queue.Full:
                pass
        else:
            pkt.accept()

    def _write_drops(self) -> None:
        while True:
            batch = [self._drops.get()]
            while len(batch) < 500:
                try:
                    batch.append(self._drops.get(timeout=1))
                except queue.Empty:
                    break
            with self._pool.connection() as conn:
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO drops (src, country, dport, dropped_at) VALUES (%s, %s, %s, now())",
                        batch,
                    )
            self._cache.incrby("geoblock:drops", len(batch))
