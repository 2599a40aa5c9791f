"""Persistence helpers for the window-focus work log.

Imported once by config.py when qtile starts (and again on `qtile cmd-obj -f reload_config`).
"""
import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

WORKLOG_DB_URL = os.environ.get(
    "WORKLOG_DB_URL", "postgresql+psycopg2://worklog:worklog@db.lan:5432/worklog"
)

engine = create_engine(WORKLOG_DB_URL, pool_size=2, max_overflow=0, pool_pre_ping=True)


def _now():
    return datetime.now(timezone.utc)


def record_focus(wm_class, title, group_name):
    session = Session(engine)
    session.execute(
        text(
            "INSERT INTO focus_events (ts, wm_class, title, grp) "
            "VALUES (:ts, :wm_class, :title, :grp)"
        ),
        {"ts": _now(), "wm_class": wm_class, "title": title[:200], "grp": group_name},
    )
    session.commit()


def record_tag(wm_class, tag):
    with Session(engine) as session:
        session.execute(
            text("INSERT INTO focus_tags (ts, wm_class, tag) VALUES (:ts, :wm_class, :tag)"),
            {"ts": _now(), "wm_class": wm_class, "tag": tag},
        )
        session.commit()


def today_minutes():
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT wm_class, count(*) FROM focus_events "
                "WHERE ts::date = current_date GROUP BY wm_class ORDER BY 2 DESC LIMIT 5"
            )
        ).all()
    return [(r[0], r[1]) for r in rows]
