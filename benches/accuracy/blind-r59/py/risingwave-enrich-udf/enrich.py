"""Scalar and table UDFs called by RisingWave for each input row.

RisingWave batches rows into Arrow record batches and sends them to this
server; the SDK invokes the Python function once per row (io_threads
parallelises blocking calls).
"""
from datetime import date
from decimal import Decimal

import psycopg2
import requests
from arrow_udf import udf, udtf

from clients import BOM_DSN, GEOCODER_URL, fx_rate, reference_pool


@udf(input_types=["VARCHAR"], result_type="VARCHAR", io_threads=16)
def geocode_country(address):
    if not address:
        return None
    session = requests.Session()
    session.headers["User-Agent"] = "rw-enrich-udf/1.2"
    resp = session.get(GEOCODER_URL, params={"q": address, "limit": 1}, timeout=3)
    if resp.status_code != 200:
        return None
    hits = resp.json().get("features", [])
    if not hits:
        return None
    return hits[0]["properties"].get("country_code", "").upper() or None


@udf(input_types=["VARCHAR", "DECIMAL"], result_type="FLOAT8", io_threads=8)
def merchant_risk(merchant_id, amount):
    if merchant_id is None or amount is None:
        return None
    with reference_pool.connection() as conn:
        row = conn.execute(
            "SELECT base_risk, p95_amount FROM merchant_profiles WHERE merchant_id = %s",
            (merchant_id,),
        ).fetchone()
    if row is None:
        return 0.5
    base_risk, p95_amount = row
    factor = float(amount / p95_amount) if p95_amount else 1.0
    return min(1.0, float(base_risk) * max(1.0, factor))


@udf(input_types=["DECIMAL", "VARCHAR", "DATE"], result_type="DECIMAL", io_threads=4)
def to_eur(amount, currency, day):
    if amount is None or currency is None:
        return None
    if currency == "EUR":
        return amount
    rate = fx_rate(currency, (day or date.today()).isoformat())
    return (amount * Decimal(str(rate))).quantize(Decimal("0.01"))


@udtf(input_types="VARCHAR", result_types=["VARCHAR", "INT"])
def sku_components(sku):
    conn = psycopg2.connect(BOM_DSN, connect_timeout=5)
    with conn.cursor() as cur:
        cur.execute(
            "SELECT component_sku, quantity FROM bom_lines WHERE parent_sku = %s ORDER BY line_no",
            (sku,),
        )
        for component_sku, quantity in cur:
            yield component_sku, quantity
    conn.close()
