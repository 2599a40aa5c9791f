import logging
import time

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from common.db import make_engine

log = logging.getLogger("jobs-worker")


def wait_for_db(engine) -> None:
    for attempt in range(1, 16):
        try:
            with engine.connect() as conn:
                conn.execute(text("select 1"))
            return
        except OperationalError as exc:
            log.warning("database not ready (attempt %d): %s", attempt, exc)
            time.sleep(min(2**attempt, 30))
    raise SystemExit("database never became ready")


def run_pending(engine) -> int:
    done = 0
    while True:
        with engine.begin() as conn:
            job = conn.execute(
                text(
                    "select id, title from jobs where status = 'queued' "
                    "order by id for update skip locked limit 1"
                )
            ).first()
            if job is None:
                return done
            log.info("running job %s: %s", job.id, job.title)
            conn.execute(text("update jobs set status = 'done', done_at = now() where id = :id"), {"id": job.id})
            done += 1


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine("worker")
    wait_for_db(engine)
    run_pending(engine)
    # Hold one pooled connection for LISTEN; jobs themselves use other pool connections.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as listen_conn:
        listen_conn.execute(text("LISTEN jobs_queued"))
        raw = listen_conn.connection.driver_connection
        for _notify in raw.notifies():
            run_pending(engine)


if __name__ == "__main__":
    main()
