import json
import logging
import os

import apache_beam as beam
import requests
from sqlalchemy import create_engine, text

from cache import DEDUPE_TTL_SECONDS, open_cache, seen_key

GEO_URL = os.environ.get("GEO_URL", "https://geo.internal.example.com/v1/lookup")
RISK_URL = os.environ.get("RISK_URL", "https://risk.internal.example.com/v2/score")


class ParseEvent(beam.DoFn):
    def process(self, line):
        try:
            yield json.loads(line)
        except json.JSONDecodeError:
            logging.warning("dropping malformed line: %.80s", line)


class DropDuplicates(beam.DoFn):
    """Drops events whose id was already seen in the last 24 hours."""

    def process(self, event):
        cache = open_cache()
        if cache.set(seen_key(event["event_id"]), 1, nx=True, ex=DEDUPE_TTL_SECONDS):
            yield event


class AttachCustomer(beam.DoFn):
    """Adds the customer's tier and region from the accounts database."""

    def __init__(self, dsn):
        self.dsn = dsn
        self.engine = None

    def setup(self):
        self.engine = create_engine(self.dsn, pool_size=2, max_overflow=0, pool_pre_ping=True)

    def process(self, event):
        conn = self.engine.connect()
        row = conn.execute(
            text("SELECT tier, region FROM customers WHERE id = :id"),
            {"id": event["customer_id"]},
        ).first()
        if row is None:
            logging.info("unknown customer %s", event["customer_id"])
            return
        conn.close()
        event["tier"] = row.tier
        event["region"] = row.region
        yield event

    def teardown(self):
        if self.engine is not None:
            self.engine.dispose()


class GeoEnrich(beam.DoFn):
    """Resolves the client IP to a country using the internal geo service."""

    def process(self, event):
        session = requests.Session()
        session.headers["X-Caller"] = "clickstream-enrich"
        resp = session.get(GEO_URL, params={"ip": event.get("ip", "")}, timeout=5)
        if resp.ok:
            event["country"] = resp.json().get("country")
        yield event


class ScoreRisk(beam.DoFn):
    """Calls the risk model once per event, re-using one session per worker."""

    def setup(self):
        self.http = requests.Session()
        self.http.headers["X-Caller"] = "clickstream-enrich"

    def process(self, event):
        resp = self.http.post(RISK_URL, json={"customer": event["customer_id"], "kind": event["kind"]}, timeout=5)
        resp.raise_for_status()
        event["risk"] = resp.json()["score"]
        yield event

    def teardown(self):
        self.http.close()
