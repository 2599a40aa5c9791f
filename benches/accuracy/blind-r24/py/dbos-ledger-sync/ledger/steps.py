"""DBOS steps: each runs once per workflow execution (and again on retry)."""
import logging
import os
from decimal import Decimal

import httpx
from dbos import DBOS

from .clients import ledger_pool, psp

log = logging.getLogger(__name__)

FX_API = os.environ.get("FX_API", "https://fx.example.com")


@DBOS.step(retries_allowed=True, max_attempts=5)
def fetch_fx_rates(base: str) -> dict:
    client = httpx.Client(base_url=FX_API, timeout=10.0)
    resp = client.get("/latest", params={"base": base})
    resp.raise_for_status()
    return {k: str(v) for k, v in resp.json()["rates"].items()}


@DBOS.step(retries_allowed=True, max_attempts=3)
def fetch_settlements(since_iso: str) -> list[dict]:
    items: list[dict] = []
    cursor = None
    while True:
        params = {"created_after": since_iso, "limit": 100}
        if cursor:
            params["starting_after"] = cursor
        resp = psp.get("/settlements", params=params)
        resp.raise_for_status()
        page = resp.json()
        items.extend(page["data"])
        if not page.get("has_more"):
            return items
        cursor = page["data"][-1]["id"]


@DBOS.step()
def post_to_ledger(settlement: dict, rate: str) -> bool:
    conn = ledger_pool.getconn()
    cur = conn.execute(
        "SELECT 1 FROM journal_entries WHERE external_id = %s",
        (settlement["id"],),
    )
    if cur.fetchone() is not None:
        log.info("settlement %s already posted", settlement["id"])
        return False
    amount_eur = (Decimal(settlement["amount"]) / Decimal(100)) * Decimal(rate)
    conn.execute(
        "INSERT INTO journal_entries (external_id, currency, amount, amount_eur)"
        " VALUES (%s, %s, %s, %s)",
        (settlement["id"], settlement["currency"], settlement["amount"], amount_eur),
    )
    conn.commit()
    ledger_pool.putconn(conn)
    return True


@DBOS.step()
def ledger_balance(account: str) -> str:
    with ledger_pool.connection() as conn:
        row = conn.execute(
            "SELECT coalesce(sum(amount_eur), 0) FROM journal_entries WHERE account = %s",
            (account,),
        ).fetchone()
    return str(row[0])
