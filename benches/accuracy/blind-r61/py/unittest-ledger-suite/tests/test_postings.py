import os
import unittest
from decimal import Decimal

import redis
from sqlalchemy import create_engine, text

from ledger.postings import InsufficientFunds, balance, post_transfer

DSN = os.environ.get("LEDGER_TEST_DSN", "postgresql+psycopg://ledger@localhost/ledger_test")


def make_engine():
    return create_engine(DSN, pool_size=2, max_overflow=0)


class PostingsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = make_engine()
        cls.locks = redis.Redis.from_url(os.environ.get("TEST_REDIS_URL", "redis://localhost:6379/15"))
        cls.addClassCleanup(cls.engine.dispose)
        cls.addClassCleanup(cls.locks.close)

    def setUp(self):
        # every test runs inside a transaction that is rolled back afterwards
        self.conn = self.engine.connect()
        self.addCleanup(self.conn.close)
        self.trans = self.conn.begin()
        self.addCleanup(self.trans.rollback)
        self.conn.execute(
            text("INSERT INTO postings (transfer_id, account, amount) VALUES (NULL, 'cash', 100)")
        )

    def test_transfer_moves_money(self):
        post_transfer(self.conn, "cash", "rent", Decimal("40"))
        self.assertEqual(balance(self.conn, "cash"), Decimal("60"))
        self.assertEqual(balance(self.conn, "rent"), Decimal("40"))

    def test_overdraft_rejected(self):
        with self.assertRaises(InsufficientFunds):
            post_transfer(self.conn, "cash", "rent", Decimal("150"))

    def test_overdraft_allowed(self):
        post_transfer(self.conn, "cash", "rent", Decimal("150"), allow_overdraft=True)
        self.assertEqual(balance(self.conn, "cash"), Decimal("-50"))

    def test_rejects_non_positive(self):
        for amount in (Decimal("0"), Decimal("-5")):
            with self.subTest(amount=amount), self.assertRaises(ValueError):
                post_transfer(self.conn, "cash", "rent", amount)

    def test_concurrent_batch_lock(self):
        # the nightly batch takes this lock; postings must not assume it is held
        lock = self.locks.lock("ledger:batch", timeout=5)
        self.assertTrue(lock.acquire(blocking=False))
        self.addCleanup(lock.release)
        post_transfer(self.conn, "cash", "rent", Decimal("10"))
        self.assertEqual(balance(self.conn, "rent"), Decimal("10"))


if __name__ == "__main__":
    unittest.main()
