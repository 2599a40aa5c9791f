"""Per-wiki edit counters kept in MySQL for the Grafana board."""
import os

from sqlalchemy import create_engine, text

STATS_DB_URL = os.environ.get("STATS_DB_URL", "mysql+pymysql://wikistats:wikistats@stats-db:3306/wikistats")

engine = create_engine(
    STATS_DB_URL,
    pool_size=20,
    max_overflow=40,
    pool_recycle=3600,
)

UPSERT = text(
    "INSERT INTO edit_counts (wiki, day, edits, bot_edits) VALUES (:wiki, :day, 1, :bot) "
    "ON DUPLICATE KEY UPDATE edits = edits + 1, bot_edits = bot_edits + :bot"
)


def bump_counter(wiki, day, is_bot):
    conn = engine.connect()
    conn.execute(UPSERT, {"wiki": wiki, "day": day, "bot": 1 if is_bot else 0})
    conn.commit()


def top_wikis(day, limit=10):
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT wiki, edits FROM edit_counts WHERE day = :day ORDER BY edits DESC LIMIT :n"),
            {"day": day, "n": limit},
        )
        return [tuple(r) for r in rows]
