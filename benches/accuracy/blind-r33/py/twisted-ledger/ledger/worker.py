"""Posting worker: polls pending journal entries and fans them out via blinker signals.

Receivers run once per entry; they get the process-wide engine as a keyword argument.
"""
import logging
import time

from blinker import signal
from sqlalchemy import text

from ledger.db import make_engine

log = logging.getLogger("ledger.worker")
entry_ready = signal("entry-ready")

CLAIM = text(
    """
    UPDATE TOP (100) journal WITH (READPAST, UPDLOCK, ROWLOCK)
       SET state = 'posting'
    OUTPUT inserted.id, inserted.debit_account, inserted.credit_account, inserted.amount_minor
     WHERE state = 'pending'
    """
)


@entry_ready.connect
def post_double_entry(sender, engine, entry):
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO postings (entry_id, account, amount_minor) VALUES (:e, :a, :m)"),
            [
                {"e": entry["id"], "a": entry["debit_account"], "m": -entry["amount_minor"]},
                {"e": entry["id"], "a": entry["credit_account"], "m": entry["amount_minor"]},
            ],
        )
        conn.execute(text("UPDATE journal SET state = 'posted' WHERE id = :e"), {"e": entry["id"]})


@entry_ready.connect
def log_large(sender, engine, entry):
    if entry["amount_minor"] >= 10_000_00:
        log.info("large entry %s: %s minor units", entry["id"], entry["amount_minor"])


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    try:
        while True:
            with engine.begin() as conn:
                entries = conn.execute(CLAIM).mappings().all()
            for entry in entries:
                entry_ready.send("worker", engine=engine, entry=dict(entry))
            if not entries:
                time.sleep(5)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
