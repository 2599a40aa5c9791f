"""Renderer process: reserves invoice jobs from beanstalkd and stores rendered totals."""
import json
import logging
import time

import greenstalk
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from .db import make_engine

log = logging.getLogger("billing.worker")


def wait_for_db(engine, attempts: int = 20) -> None:
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        except OperationalError:
            log.warning("database not reachable (attempt %d/%d)", attempt, attempts)
            time.sleep(3)
    raise SystemExit("database never became reachable")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=2)
    wait_for_db(engine)
    Session = sessionmaker(bind=engine)

    with greenstalk.Client(("beanstalkd", 11300), watch="invoices") as queue:
        while True:
            job = queue.reserve()
            payload = json.loads(job.body)
            try:
                with Session.begin() as session:
                    session.execute(
                        text(
                            "UPDATE invoices SET total = ("
                            "  SELECT COALESCE(SUM(qty * unit_price), 0) FROM invoice_lines"
                            "  WHERE invoice_no = :no), rendered_at = NOW() "
                            "WHERE invoice_no = :no"
                        ),
                        {"no": payload["invoice_no"]},
                    )
            except Exception:
                log.exception("render failed for %s", payload.get("invoice_no"))
                queue.bury(job)
                continue
            queue.delete(job)


if __name__ == "__main__":
    main()
