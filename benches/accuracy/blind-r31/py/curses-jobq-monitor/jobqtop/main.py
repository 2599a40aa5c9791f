"""jobqtop: refreshes every second; keys: p pause/resume queue, r retry failed, q quit."""
import curses
import os
import sys
import time

import psycopg
import typesense

QUEUE_SQL = """
SELECT queue, count(*) FILTER (WHERE state = 'ready')   AS ready,
              count(*) FILTER (WHERE state = 'running') AS running,
              count(*) FILTER (WHERE state = 'failed')  AS failed,
              bool_or(paused) AS paused
  FROM jobs GROUP BY queue ORDER BY queue
"""


def connect_with_retry(dsn: str, attempts: int = 5) -> psycopg.Connection:
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg.connect(dsn, autocommit=True, application_name="jobqtop", connect_timeout=3)
            break
        except psycopg.OperationalError as exc:
            if attempt == attempts:
                raise
            print(f"waiting for database ({exc.__class__.__name__}), retry {attempt}/{attempts}", file=sys.stderr)
            time.sleep(attempt)
    return conn


def draw(stdscr, conn, search, selected):
    stdscr.erase()
    rows = conn.execute(QUEUE_SQL).fetchall()
    stdscr.addstr(0, 0, f"{'QUEUE':<20}{'READY':>8}{'RUNNING':>9}{'FAILED':>8}  STATE", curses.A_REVERSE)
    for i, (queue, ready, running, failed, paused) in enumerate(rows, start=1):
        attr = curses.A_BOLD if i - 1 == selected else curses.A_NORMAL
        state = "paused" if paused else "live"
        stdscr.addstr(i, 0, f"{queue:<20}{ready:>8}{running:>9}{failed:>8}  {state}", attr)
    docs = search.collections["job_payloads"].retrieve()["num_documents"]
    stdscr.addstr(len(rows) + 2, 0, f"indexed payloads: {docs}   [p]ause [r]etry [q]uit")
    stdscr.refresh()
    return [r[0] for r in rows]


def run(stdscr, conn, search):
    curses.curs_set(0)
    stdscr.timeout(1000)
    selected = 0
    while True:
        queues = draw(stdscr, conn, search, selected)
        key = stdscr.getch()
        if key in (ord("q"), 27):
            return
        if key == curses.KEY_DOWN:
            selected = min(selected + 1, max(len(queues) - 1, 0))
        elif key == curses.KEY_UP:
            selected = max(selected - 1, 0)
        elif key == ord("p") and queues:
            with conn.transaction():
                conn.execute("UPDATE jobs SET paused = NOT paused WHERE queue = %s", (queues[selected],))
        elif key == ord("r") and queues:
            with conn.transaction():
                conn.execute(
                    "UPDATE jobs SET state = 'ready', attempts = 0 WHERE queue = %s AND state = 'failed'",
                    (queues[selected],),
                )


def cli():
    conn = connect_with_retry(os.environ.get("JOBQ_DSN", "postgresql://jobq_ops@jobs-db.internal/jobs"))
    search = typesense.Client(
        {
            "nodes": [{"host": os.environ.get("TYPESENSE_HOST", "search.internal"), "port": "8108", "protocol": "http"}],
            "api_key": os.environ["TYPESENSE_API_KEY"],
            "connection_timeout_seconds": 2,
        }
    )
    try:
        curses.wrapper(run, conn, search)
    finally:
        conn.close()


if __name__ == "__main__":
    cli()
