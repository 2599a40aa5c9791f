"""Helpers called from EndpointHandler.__call__ for every request."""
import httpx
import numpy as np
from psycopg_pool import ConnectionPool


def nearest_products(pool: ConnectionPool, vector: np.ndarray, k: int) -> list[dict]:
    with pool.connection() as conn:
        rows = conn.execute(
            "SELECT sku, title, embedding <=> %s AS distance FROM products "
            "ORDER BY embedding <=> %s LIMIT %s",
            (vector, vector, k),
        ).fetchall()
    return [{"sku": sku, "title": title, "distance": float(d)} for sku, title, d in rows]


def attach_prices(http: httpx.Client, hits: list[dict]) -> list[dict]:
    if not hits:
        return hits
    resp = http.post("/v1/prices:batchGet", json={"skus": [h["sku"] for h in hits]})
    if resp.status_code != 200:
        return hits
    prices = resp.json().get("prices", {})
    for h in hits:
        h["price"] = prices.get(h["sku"])
    return hits
