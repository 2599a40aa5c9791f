"""Save history: one row per document save, for the weekly activity report."""
import datetime as dt
import os

from sqlalchemy import create_engine, text

HISTORY_DB_URL = os.environ.get(
    "MECHTOOLS_DB_URL", "mysql+pymysql://fusion:fusion@eng-db.corp.local:3306/engineering"
)

history_engine = create_engine(HISTORY_DB_URL, pool_size=2, pool_pre_ping=True)

INSERT_SAVE = text(
    "INSERT INTO design_saves (design, version, saved_by, saved_at) "
    "VALUES (:design, :version, :saved_by, :saved_at)"
)


def log_save(design, version, user):
    with history_engine.begin() as conn:
        conn.execute(
            INSERT_SAVE,
            {"design": design, "version": version, "saved_by": user, "saved_at": dt.datetime.utcnow()},
        )
