"""Nuclio function: geocode an address, with a Postgres-backed result cache."""
from __future__ import annotations

import hashlib
import json

import clients


def init_context(context) -> None:
    """Runs once when the worker starts; everything here lives for the worker's lifetime."""
    setattr(context.user_data, "pool", clients.make_pool())
    setattr(context.user_data, "geocoder", clients.make_geocoder())
    setattr(context.user_data, "s3", clients.RegionalS3())
    context.logger.info("geocode worker initialised")


def _payload(event) -> dict:
    body = event.body
    if isinstance(body, (bytes, bytearray)):
        body = json.loads(body or b"{}")
    return body or {}


def _key(address: str, country: str) -> str:
    normalised = " ".join(address.lower().split())
    return hashlib.sha256(f"{country}|{normalised}".encode()).hexdigest()


def _lookup(context, address: str, country: str) -> dict:
    key = _key(address, country)
    with context.user_data.pool.connection() as conn:
        row = conn.execute(
            "SELECT lat, lon, precision FROM geocode_cache WHERE key = %s", (key,)
        ).fetchone()
        if row:
            return {"lat": row[0], "lon": row[1], "precision": row[2], "cached": True}

        resp = context.user_data.geocoder.get("/search", params={"q": address, "country": country})
        resp.raise_for_status()
        best = resp.json()["results"][0]
        conn.execute(
            "INSERT INTO geocode_cache (key, address, country, lat, lon, precision) "
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (key) DO NOTHING",
            (key, address, country, best["lat"], best["lon"], best["precision"]),
        )
    return {"lat": best["lat"], "lon": best["lon"], "precision": best["precision"], "cached": False}


def handler(context, event):
    payload = _payload(event)
    if event.path.rstrip("/") == "/batch":
        results = [_lookup(context, a["address"], a.get("country", "DE")) for a in payload["items"]]
        region = payload.get("region", "eu-central-1")
        key = f"batches/{payload['batch_id']}.json"
        context.user_data.s3.for_region(region).put_object(
            Bucket=payload["bucket"], Key=key, Body=json.dumps(results).encode()
        )
        body = {"stored": f"s3://{payload['bucket']}/{key}", "count": len(results)}
    else:
        if "address" not in payload:
            return context.Response(body=json.dumps({"error": "address required"}),
                                    content_type="application/json", status_code=400)
        body = _lookup(context, payload["address"], payload.get("country", "DE"))
        context.logger.info_with("geocoded", cached=body["cached"])

    return context.Response(body=json.dumps(body), headers={},
                            content_type="application/json", status_code=200)
