"""Crash-loop detection: looks at recent reaps and decides whether to page."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("CRASHWATCH_DB_URL", "mysql+pymysql://circus:circus@ops-db.lan/crashwatch"),
    pool_recycle=3600,
)

CRASH_LOOP_THRESHOLD = 5


def is_crash_looping(watcher):
    with engine.connect() as conn:
        count = conn.execute(
            text(
                "SELECT count(*) FROM process_events WHERE watcher = :w AND action = 'reap' "
                "AND exit_code <> 0 AND ts > now() - INTERVAL 10 MINUTE"
            ),
            {"w": watcher},
        ).scalar_one()
    return count >= CRASH_LOOP_THRESHOLD
