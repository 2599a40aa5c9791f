"""Shared clients for the UDF server process (built once at import)."""
import os
from functools import lru_cache

import httpx
from psycopg_pool import ConnectionPool

REFERENCE_DSN = os.environ.get("REFERENCE_DSN", "postgresql://udf_ro@pg-reference/reference")
BOM_DSN = os.environ.get("BOM_DSN", "postgresql://udf_ro@pg-erp/erp")
GEOCODER_URL = os.environ.get("GEOCODER_URL", "https://geocoder.internal/v1/search")
FX_URL = os.environ.get("FX_URL", "https://fx.internal/api")

# One pool for the reference DB, shared by every io thread of every UDF.
reference_pool = ConnectionPool(
    REFERENCE_DSN,
    min_size=1,
    max_size=8,
    kwargs={"application_name": "rw-enrich-udf"},
    open=True,
)

fx_http = httpx.Client(base_url=FX_URL, timeout=5.0)


@lru_cache(maxsize=512)
def fx_rate(currency: str, day: str) -> float:
    resp = fx_http.get("/rates", params={"base": currency, "quote": "EUR", "date": day})
    resp.raise_for_status()
    return float(resp.json()["rate"])


def close_all() -> None:
    fx_http.close()
    reference_pool.close()
