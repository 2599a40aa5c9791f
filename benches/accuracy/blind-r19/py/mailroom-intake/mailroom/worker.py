"""IMAP IDLE worker: waits for new mail and stores it."""
import logging
import time

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from mailroom import imap
from mailroom.db import INSERT_MESSAGE, make_engine

log = logging.getLogger("mailroom.worker")


def wait_for_db(engine, attempts: int = 12) -> None:
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        except OperationalError:
            log.warning("database unavailable, retry %d/%d", attempt, attempts)
            time.sleep(5)
    raise SystemExit("database never became available")


def store_unseen(engine, client) -> int:
    uids = client.search(["UNSEEN"])
    if not uids:
        return 0
    fetched = client.fetch(uids, ["RFC822"])
    with engine.begin() as conn:
        for uid, data in fetched.items():
            conn.execute(text(INSERT_MESSAGE), imap.to_row(uid, data[b"RFC822"]))
    client.add_flags(uids, [b"\\Seen"])
    return len(uids)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine("worker")
    wait_for_db(engine)

    client = imap.login()
    try:
        store_unseen(engine, client)
        while True:
            client.idle()
            responses = client.idle_check(timeout=290)
            client.idle_done()
            if responses:
                n = store_unseen(engine, client)
                log.info("stored %d new messages", n)
            else:
                client.noop()
    finally:
        client.logout()
        engine.dispose()


if __name__ == "__main__":
    main()
