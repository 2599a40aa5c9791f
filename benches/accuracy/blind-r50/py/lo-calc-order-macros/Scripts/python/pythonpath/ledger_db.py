"""Helper module on the macro pythonpath: ledger database access."""
import os

import psycopg2

LEDGER_DSN = os.environ.get(
    "LEDGER_DSN", "host=ledger-db.internal dbname=ledger user=calc_macros"
)


def open_conn():
    """Return a brand-new connection to the ledger database."""
    return psycopg2.connect(
        LEDGER_DSN, connect_timeout=5, application_name="calc-order-macros"
    )
