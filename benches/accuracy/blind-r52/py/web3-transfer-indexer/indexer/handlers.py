"""Per-event handling for decoded Transfer logs."""
import logging
import os
from decimal import Decimal

import psycopg
import requests

log = logging.getLogger("indexer.handlers")

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://indexer@localhost/chain")
WHALE_WEBHOOK = os.environ.get("WHALE_WEBHOOK_URL")
WHALE_THRESHOLD = Decimal(os.environ.get("WHALE_THRESHOLD", "1000000"))

INSERT_SQL = """
    INSERT INTO transfers (tx_hash, log_index, block_number, token, sender, recipient, amount)
    VALUES (%s, %s, %s, %s, %s, %s, %s)
    ON CONFLICT (tx_hash, log_index) DO NOTHING
"""


def _amount(event, decimals):
    return Decimal(event["args"]["value"]) / (Decimal(10) ** decimals)


def on_transfer(symbol, decimals, event):
    """Called once for every Transfer log returned by the filter."""
    amount = _amount(event, decimals)
    row = (
        event["transactionHash"].hex(),
        event["logIndex"],
        event["blockNumber"],
        symbol,
        event["args"]["from"],
        event["args"]["to"],
        amount,
    )

    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute(INSERT_SQL, row)

    if WHALE_WEBHOOK and amount >= WHALE_THRESHOLD:
        notify_whale(symbol, amount, event)


def notify_whale(symbol, amount, event):
    session = requests.Session()
    session.headers.update({"User-Agent": "transfer-indexer/1.4"})
    payload = {
        "text": f"{amount:,.2f} {symbol} moved in block {event['blockNumber']}",
        "tx": event["transactionHash"].hex(),
        "from": event["args"]["from"],
        "to": event["args"]["to"],
    }
    resp = session.post(WHALE_WEBHOOK, json=payload, timeout=5)
    if resp.status_code >= 400:
        log.warning("whale webhook returned %s", resp.status_code)
