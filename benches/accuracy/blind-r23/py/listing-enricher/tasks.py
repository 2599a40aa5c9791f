"""Functions shipped to Dask workers."""
import os

import pandas as pd
import redis
import requests
from distributed import WorkerPlugin, get_worker

import storage

GEOCODER_URL = os.environ.get("GEOCODER_URL", "https://geo.internal/v1/geocode")
WALKSCORE_URL = os.environ.get("WALKSCORE_URL", "https://api.walkscore.internal/score")


class RedisCachePlugin(WorkerPlugin):
    """One Redis connection pool per Dask worker, created when the worker starts."""

    name = "redis-cache"

    def __init__(self, url):
        self.url = url
        self.client = None

    def setup(self, worker):
        self.client = redis.Redis.from_url(self.url, decode_responses=True)

    def teardown(self, worker):
        if self.client is not None:
            self.client.close()


def _cache():
    return get_worker().plugins[RedisCachePlugin.name].client


def enrich_listing(listing):
    """Runs once per listing on whichever worker picks the task up."""
    cache = _cache()
    cached = cache.hgetall(f"geo:{listing['id']}")
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {os.environ.get('GEO_TOKEN', '')}"

    if cached:
        lat, lon = float(cached["lat"]), float(cached["lon"])
    else:
        resp = http.get(
            GEOCODER_URL,
            params={"q": f"{listing['address']}, {listing['postcode']} {listing['city']}"},
            timeout=10,
        )
        resp.raise_for_status()
        point = resp.json()["features"][0]["geometry"]["coordinates"]
        lon, lat = point[0], point[1]
        cache.hset(f"geo:{listing['id']}", mapping={"lat": lat, "lon": lon})
        cache.expire(f"geo:{listing['id']}", 30 * 86400)

    score = http.get(WALKSCORE_URL, params={"lat": lat, "lon": lon}, timeout=10).json()
    return {
        "listing_id": listing["id"],
        "lat": lat,
        "lon": lon,
        "walk_score": score.get("walkscore"),
    }


def price_band(cents):
    if cents < 20_000_000:
        return "entry"
    if cents < 60_000_000:
        return "mid"
    return "premium"


def write_partition(frame: pd.DataFrame) -> pd.DataFrame:
    """Called by map_partitions once for every partition of the enriched frame."""
    if frame.empty:
        return frame.assign(written=0)
    engine = storage.make_engine()
    rows = [
        {
            "listing_id": int(r.listing_id),
            "lat": r.lat,
            "lon": r.lon,
            "walk_score": r.walk_score,
            "price_band": price_band(r.price_cents),
        }
        for r in frame.itertuples()
    ]
    with engine.begin() as conn:
        conn.execute(storage.UPSERT_SQL, rows)
    return frame.assign(written=1)
