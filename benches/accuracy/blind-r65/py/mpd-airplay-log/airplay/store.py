"""Airplay log store; make_engine() is called once, from logger.main()."""
import logging
import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def make_engine(attempts: int = 8) -> Engine:
    engine = create_engine(os.environ["AIRPLAY_DB_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True)
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except OperationalError:
            log.warning("airplay DB not reachable yet (%d/%d)", attempt, attempts)
            time.sleep(3 * attempt)
    else:
        engine.dispose()
        raise SystemExit("airplay DB unreachable")
    return engine


def log_play(engine: Engine, song: dict) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO airplay (played_at, artist, title, album, isrc, file) "
                "VALUES (now(), :artist, :title, :album, :isrc, :file)"
            ),
            {
                "artist": song.get("artist", ""),
                "title": song.get("title", song["file"]),
                "album": song.get("album"),
                "isrc": song.get("isrc"),
                "file": song["file"],
            },
        )
