"""Stateful property tests: Hypothesis drives many rule sequences against one shared engine."""
import os

import redis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import text

from ledger import service
from ledger.db import make_engine, metadata

ENGINE = make_engine(
    os.environ.get("LEDGER_TEST_DATABASE_URL", "postgresql+psycopg://ledger:ledger@localhost:5432/ledger_test")
)
metadata.create_all(ENGINE)
IDEMPOTENCY = redis.Redis.from_url(os.environ.get("LEDGER_TEST_REDIS_URL", "redis://localhost:6379/15"))


class LedgerMachine(RuleBasedStateMachine):
    accounts = Bundle("accounts")

    def __init__(self):
        super().__init__()
        self.expected = {}

    @initialize()
    def reset(self):
        with ENGINE.begin() as conn:
            conn.execute(text("TRUNCATE entries, accounts RESTART IDENTITY CASCADE"))
        IDEMPOTENCY.flushdb()

    @rule(target=accounts, owner=st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=20))
    def open_account(self, owner):
        with ENGINE.begin() as conn:
            account_id = service.open_account(conn, owner)
        self.expected[account_id] = 0
        return account_id

    @rule(account=accounts, amount=st.integers(min_value=1, max_value=10_000), key=st.uuids())
    def deposit(self, account, amount, key):
        with ENGINE.begin() as conn:
            applied = service.deposit(conn, IDEMPOTENCY, account, amount, str(key))
        if applied:
            self.expected[account] += amount

    @rule(account=accounts, amount=st.integers(min_value=1, max_value=10_000), key=st.uuids())
    def deposit_replayed(self, account, amount, key):
        with ENGINE.begin() as conn:
            first = service.deposit(conn, IDEMPOTENCY, account, amount, str(key))
        with ENGINE.begin() as conn:
            second = service.deposit(conn, IDEMPOTENCY, account, amount, str(key))
        assert first and not second
        self.expected[account] += amount

    @rule(src=accounts, dst=accounts, amount=st.integers(min_value=1, max_value=20_000))
    def transfer(self, src, dst, amount):
        try:
            with ENGINE.begin() as conn:
                service.transfer(conn, src, dst, amount)
        except service.InsufficientFunds:
            assert self.expected[src] < amount
            return
        self.expected[src] -= amount
        self.expected[dst] += amount

    @invariant()
    def balances_match(self):
        with ENGINE.connect() as conn:
            for account_id, expected in self.expected.items():
                assert service.balance(conn, account_id) == expected

    @invariant()
    def no_negative_balances(self):
        assert all(value >= 0 for value in self.expected.values())


TestLedger = LedgerMachine.TestCase
TestLedger.settings = settings(
    max_examples=40,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@settings(max_examples=25, deadline=None)
@given(owner=st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=10))
def test_new_account_starts_empty(owner):
    # connect() without commit: the insert is rolled back when the block exits
    with ENGINE.connect() as conn:
        account_id = service.open_account(conn, owner)
        assert service.balance(conn, account_id) == 0
