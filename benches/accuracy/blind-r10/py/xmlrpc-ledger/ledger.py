from contextlib import contextmanager
from decimal import Decimal

from psycopg2.pool import ThreadedConnectionPool


class LedgerService:
    """Methods exposed over XML-RPC. One instance, registered at start-up."""

    def __init__(self, pool: ThreadedConnectionPool) -> None:
        self._pool = pool

    @contextmanager
    def _conn(self):
        conn = self._pool.getconn()
        try:
            yield conn
            conn.commit()
        except Exception:
            conn.rollback()
            raise
        finally:
            self._pool.putconn(conn)

    def balance(self, account: str) -> str:
        with self._conn() as conn, conn.cursor() as cur:
            cur.execute("SELECT coalesce(sum(amount), 0) FROM entries WHERE account = %s", (account,))
            return str(cur.fetchone()[0])

    def post_entry(self, debit: str, credit: str, amount: str, memo: str = "") -> int:
        value = Decimal(amount)
        if value <= 0:
            raise ValueError("amount must be positive")
        with self._conn() as conn, conn.cursor() as cur:
            cur.execute("INSERT INTO journal (memo) VALUES (%s) RETURNING id", (memo,))
            journal_id = cur.fetchone()[0]
            cur.executemany(
                "INSERT INTO entries (journal_id, account, amount) VALUES (%s, %s, %s)",
                [(journal_id, debit, -value), (journal_id, credit, value)],
            )
            return journal_id

    def statement(self, account: str, limit: int = 50) -> list:
        conn = self._pool.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT j.id, j.memo, e.amount FROM entries e JOIN journal j ON j.id = e.journal_id "
                    "WHERE e.account = %s ORDER BY j.id DESC LIMIT %s",
                    (account, limit),
                )
                return [[r[0], r[1], str(r[2])] for r in cur.fetchall()]
        finally:
            self._pool.putconn(conn)
