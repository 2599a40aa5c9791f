"""High-score storage for the arcade kiosk (MySQL on the venue server)."""
import os

from sqlalchemy import create_engine, text

SCORES_URL = os.environ.get(
    "KIOSK_SCORES_URL", "mysql+pymysql://kiosk:kiosk@venue-server:3306/arcade"
)
CABINET_ID = os.environ.get("CABINET_ID", "cab-01")

engine = create_engine(SCORES_URL, pool_size=2, max_overflow=0, pool_recycle=3600)


def save_score(initials: str, score: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO scores (cabinet, initials, score, created_at) "
                "VALUES (:cab, :initials, :score, NOW())"
            ),
            {"cab": CABINET_ID, "initials": initials, "score": score},
        )


def top_scores(limit: int = 8):
    conn = engine.connect()
    rows = conn.execute(
        text(
            "SELECT initials, score FROM scores WHERE cabinet = :cab "
            "ORDER BY score DESC LIMIT :limit"
        ),
        {"cab": CABINET_ID, "limit": limit},
    ).all()
    return [(r.initials, r.score) for r in rows]
