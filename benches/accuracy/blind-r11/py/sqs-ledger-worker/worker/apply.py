import json
import time
from decimal import Decimal

from psycopg_pool import ConnectionPool

from .idempotency import claim


def apply_entry(pool: ConnectionPool, message: dict) -> None:
    body = json.loads(message["Body"])
    region = body.get("origin_region", "eu-west-1")
    if not claim(region, message["MessageId"], int(time.time()) + 7 * 86400):
        return

    amount = Decimal(body["amount"])
    with pool.connection() as conn:
        with conn.transaction():
            conn.execute(
                "INSERT INTO ledger_entries (account_id, amount, currency, reference) VALUES (%s, %s, %s, %s)",
                (body["account_id"], amount, body["currency"], body["reference"]),
            )
            conn.execute(
                "UPDATE balances SET amount = amount + %s WHERE account_id = %s AND currency = %s",
                (amount, body["account_id"], body["currency"]),
            )
