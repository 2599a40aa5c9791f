"""Request handlers; each runs once per HTTP/3 request stream."""
import json
import re

import asyncpg

from clients import ROUTING_DSN, eta_cache, eta_key

SHIPMENT_RE = re.compile(r"^/v1/shipments/(?P<id>[A-Z0-9]{10,20})$")
ETA_RE = re.compile(r"^/v1/depots/(?P<depot>[A-Z]{3})/eta/(?P<postcode>[0-9A-Z ]{3,8})$")


async def dispatch(pool, req):
    path = req.path.split("?", 1)[0]
    if req.method == "GET" and (m := SHIPMENT_RE.match(path)):
        return await get_shipment(pool, m["id"])
    if req.method == "POST" and path == "/v1/scans":
        return await record_scan(pool, json.loads(req.body or b"{}"))
    if req.method == "GET" and (m := ETA_RE.match(path)):
        return await depot_eta(m["depot"], m["postcode"])
    return 404, {"error": "not found"}


async def get_shipment(pool, shipment_id):
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT id, status, depot_code, last_scan_at FROM shipments WHERE id = $1",
            shipment_id,
        )
    if row is None:
        return 404, {"error": "unknown shipment"}
    return 200, {
        "id": row["id"],
        "status": row["status"],
        "depot": row["depot_code"],
        "last_scan_at": row["last_scan_at"].isoformat() if row["last_scan_at"] else None,
    }


async def record_scan(pool, body):
    conn = await pool.acquire()
    barcode = body.get("barcode")
    if not barcode:
        return 400, {"error": "barcode required"}
    async with conn.transaction():
        await conn.execute(
            "INSERT INTO scans (shipment_id, courier_id, kind, lat, lon) VALUES ($1, $2, $3, $4, $5)",
            barcode,
            body.get("courier_id"),
            body.get("kind", "pickup"),
            body.get("lat"),
            body.get("lon"),
        )
        await conn.execute(
            "UPDATE shipments SET status = $2, last_scan_at = now() WHERE id = $1",
            barcode,
            body.get("kind", "pickup"),
        )
    await pool.release(conn)
    return 201, {"ok": True}


async def depot_eta(depot, postcode):
    cache = eta_cache()
    cached = await cache.get(eta_key(depot, postcode))
    if cached:
        return 200, {"depot": depot, "postcode": postcode, "eta_minutes": int(cached), "cached": True}

    routing = await asyncpg.connect(ROUTING_DSN)
    try:
        minutes = await routing.fetchval(
            "SELECT eta_minutes FROM depot_eta WHERE depot_code = $1 AND postcode = $2",
            depot,
            postcode.replace(" ", ""),
        )
    finally:
        await routing.close()
    if minutes is None:
        return 404, {"error": "no route"}
    await cache.set(eta_key(depot, postcode), minutes, ex=300)
    return 200, {"depot": depot, "postcode": postcode, "eta_minutes": minutes, "cached": False}
