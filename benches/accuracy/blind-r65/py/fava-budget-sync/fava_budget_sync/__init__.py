"""Fava extension.

Fava serves several ledgers (one per legal entity) from one process and creates one
extension instance per ledger; each entity's ledger points at its own warehouse DSN.
"""
import threading
from collections import defaultdict
from decimal import Decimal

from beancount.core.data import Transaction
from fava.ext import FavaExtensionBase, extension_endpoint
from flask import jsonify, request
from psycopg_pool import ConnectionPool

_POOLS: dict[str, ConnectionPool] = {}
_POOLS_LOCK = threading.Lock()


def pool_for(dsn: str) -> ConnectionPool:
    """One small pool per warehouse DSN, shared by every request for that entity."""
    with _POOLS_LOCK:
        pool = _POOLS.get(dsn)
        if pool is None:
            pool = ConnectionPool(dsn, min_size=0, max_size=3, open=True)
            _POOLS[dsn] = pool
        return pool


class FavaBudgetSync(FavaExtensionBase):
    def __init__(self, ledger, config=None):
        super().__init__(ledger, config)
        cfg = config if isinstance(config, dict) else {}
        self.dsn = cfg.get("dsn")
        self.entity = cfg.get("entity", ledger.options["title"])

    def _monthly_actuals(self):
        totals = defaultdict(Decimal)
        for entry in self.ledger.all_entries:
            if not isinstance(entry, Transaction):
                continue
            month = entry.date.replace(day=1)
            for posting in entry.postings:
                if posting.account.startswith("Expenses:") and posting.units is not None:
                    totals[(month, posting.account, posting.units.currency)] += posting.units.number
        return totals

    @extension_endpoint("push", ["POST"])
    def push(self):
        if not self.dsn:
            return jsonify({"error": "no dsn configured for this ledger"}), 400
        since = request.args.get("since", "1970-01-01")
        rows = [
            (self.entity, month, account, currency, amount)
            for (month, account, currency), amount in self._monthly_actuals().items()
            if month.isoformat() >= since
        ]
        with pool_for(self.dsn).connection() as conn:
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO expense_actuals (entity, month, account, currency, amount) "
                    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (entity, month, account, currency) "
                    "DO UPDATE SET amount = EXCLUDED.amount, synced_at = now()",
                    rows,
                )
        return jsonify({"entity": self.entity, "rows": len(rows)})

    @extension_endpoint("status")
    def status(self):
        if not self.dsn:
            return jsonify({"configured": False})
        with pool_for(self.dsn).connection() as conn:
            last = conn.execute(
                "SELECT max(synced_at) FROM expense_actuals WHERE entity = %s", (self.entity,)
            ).fetchone()[0]
        return jsonify({"configured": True, "entity": self.entity, "last_sync": last and last.isoformat()})

    def after_insert_entry(self, entry):
        """Fava calls this whenever an entry is added through the web UI."""
        if not self.dsn or not isinstance(entry, Transaction):
            return
        with pool_for(self.dsn).connection() as conn:
            conn.execute(
                "INSERT INTO fava_edits (entity, entry_date, narration) VALUES (%s, %s, %s)",
                (self.entity, entry.date, entry.narration),
            )
