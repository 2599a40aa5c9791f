"""webapp2 request handlers. webapp2 instantiates a handler per request."""
import json
import os
import threading

import redis
import requests
import webapp2
from sqlalchemy import select

from models import Listing, Session

GEOCODER_URL = os.environ.get("GEOCODER_URL", "https://geocode.internal/v1/search")

# Shared by every request in this worker process.
geocoder = requests.Session()
geocoder.headers["User-Agent"] = "listings-api/2.3"

_redis = None
_redis_lock = threading.Lock()


def get_redis():
    global _redis
    if _redis is None:
        with _redis_lock:
            if _redis is None:
                _redis = redis.Redis.from_url(
                    os.environ.get("REDIS_URL", "redis://redis.internal:6379/1")
                )
    return _redis


class BaseHandler(webapp2.RequestHandler):
    """Gives each request a session from the shared engine and always closes it."""

    def dispatch(self):
        self.db = Session()
        try:
            super().dispatch()
            self.db.commit()
        except Exception:
            self.db.rollback()
            raise
        finally:
            self.db.close()

    def json(self, payload, status=200):
        self.response.status_int = status
        self.response.content_type = "application/json"
        self.response.write(json.dumps(payload))


class ListingsHandler(BaseHandler):
    def get(self):
        max_price = self.request.get("max_price")
        stmt = select(Listing).order_by(Listing.created_at.desc()).limit(50)
        if max_price:
            stmt = stmt.where(Listing.price <= float(max_price))
        self.json([listing.to_dict() for listing in self.db.scalars(stmt)])

    def post(self):
        key = f"ratelimit:{self.request.remote_addr}"
        hits = get_redis().incr(key)
        get_redis().expire(key, 60)
        if hits > 30:
            return self.json({"error": "slow down"}, status=429)

        body = json.loads(self.request.body or b"{}")
        listing = Listing(
            agent_id=int(body["agent_id"]),
            address=body["address"],
            price=body["price"],
            bedrooms=int(body.get("bedrooms", 0)),
        )
        resp = geocoder.get(GEOCODER_URL, params={"q": listing.address}, timeout=3)
        if resp.ok and resp.json().get("results"):
            hit = resp.json()["results"][0]
            listing.lat, listing.lng = hit["lat"], hit["lng"]
        self.db.add(listing)
        self.db.flush()
        self.json({"id": listing.id}, status=201)


class ListingHandler(BaseHandler):
    def get(self, listing_id):
        listing = self.db.get(Listing, int(listing_id))
        if listing is None:
            return self.json({"error": "not found"}, status=404)
        self.json(listing.to_dict())

    def delete(self, listing_id):
        listing = self.db.get(Listing, int(listing_id))
        if listing is not None:
            self.db.delete(listing)
        self.response.status_int = 204
