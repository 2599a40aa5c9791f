"""Access to the labelling warehouse (read side)."""
import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

WAREHOUSE_URL = os.environ.get(
    "WAREHOUSE_URL", "postgresql+psycopg2://ml:ml@warehouse:5432/labels"
)

engine = create_engine(WAREHOUSE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)


def known_labels(project_id: str) -> dict[str, str]:
    """Previously confirmed labels for exact-duplicate texts."""
    session = Session(engine)
    rows = session.execute(
        text("SELECT text_hash, label FROM confirmed_labels WHERE project_id = :p"),
        {"p": project_id},
    ).all()
    return {r.text_hash: r.label for r in rows}


def training_rows(project_id: str) -> list[tuple[str, str]]:
    with Session(engine) as session:
        rows = session.execute(
            text("SELECT body, label FROM confirmed_labels WHERE project_id = :p"),
            {"p": project_id},
        ).all()
    return [(r.body, r.label) for r in rows]
