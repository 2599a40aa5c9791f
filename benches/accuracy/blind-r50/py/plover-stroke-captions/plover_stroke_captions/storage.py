"""Postgres storage for per-writer stroke statistics."""
import os

from psycopg_pool import ConnectionPool

STATS_DSN = os.environ.get(
    "STROKE_STATS_DSN", "postgresql://steno@stats-db.internal:5432/practice"
)

INSERT_STROKE = (
    "INSERT INTO strokes (writer, steno, is_correction, stroked_at) "
    "VALUES (%s, %s, %s, now())"
)


def open_pool() -> ConnectionPool:
    """Build the stats pool. Only called from StrokeCaptions.start()."""
    return ConnectionPool(
        STATS_DSN,
        min_size=1,
        max_size=3,
        open=True,
        kwargs={"application_name": "plover-stroke-captions"},
    )
