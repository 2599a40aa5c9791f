"""Process lifecycle history, written by the crashwatch plugin."""
import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text

DB_URL = os.environ.get("CRASHWATCH_DB_URL", "mysql+pymysql://circus:circus@ops-db.lan/crashwatch")

engine = create_engine(DB_URL, pool_pre_ping=True, pool_recycle=1800)


def record_event(watcher, action, pid, exit_code=None):
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO process_events (ts, watcher, action, pid, exit_code) "
                "VALUES (:ts, :watcher, :action, :pid, :exit_code)"
            ),
            {"ts": datetime.now(timezone.utc), "watcher": watcher, "action": action,
             "pid": pid, "exit_code": exit_code},
        )
