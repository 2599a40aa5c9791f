from sqlalchemy import create_engine, text

from .settings import DATABASE_URL

_engine = create_engine(DATABASE_URL, pool_pre_ping=True)


def top_artists(limit=10):
    with _engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT artist, count(*) AS plays FROM listens "
                "WHERE played_at > now() - interval '7 days' "
                "GROUP BY artist ORDER BY plays DESC LIMIT :limit"
            ),
            {"limit": limit},
        )
        return [(r.artist, r.plays) for r in rows]
