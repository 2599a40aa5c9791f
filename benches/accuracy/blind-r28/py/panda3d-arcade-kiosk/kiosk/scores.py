"""Local MySQL store on the kiosk PC (synced nightly to the central API)."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("KIOSK_DB_URL", "mysql+pymysql://kiosk:kiosk@127.0.0.1/arcade"),
    pool_size=2,
    max_overflow=0,
    pool_recycle=1800,
)


def record_play(cabinet: str, score: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO plays (cabinet, score, played_at) VALUES (:c, :s, NOW())"),
            {"c": cabinet, "s": score},
        )


def save_score(cabinet: str, initials: str, score: int) -> int | None:
    conn = engine.connect()
    conn.execute(
        text(
            "INSERT INTO high_scores (cabinet, initials, score, created_at) "
            "VALUES (:c, :i, :s, NOW())"
        ),
        {"c": cabinet, "i": initials, "s": score},
    )
    rank = conn.execute(
        text("SELECT COUNT(*) FROM high_scores WHERE cabinet = :c AND score > :s"),
        {"c": cabinet, "s": score},
    ).scalar_one()
    conn.commit()
    if rank >= 100:
        return None
    conn.close()
    return rank + 1
