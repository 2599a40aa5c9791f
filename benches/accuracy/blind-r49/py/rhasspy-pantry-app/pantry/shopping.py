"""Shopping list kept next to the pantry tables."""
import os

from sqlalchemy import create_engine, text

PANTRY_DB_URL = os.environ.get("PANTRY_DB_URL", "postgresql+psycopg://pantry:pantry@nas.local:5432/pantry")

engine = create_engine(PANTRY_DB_URL)


def add_to_list(name: str, site_id: str) -> None:
    conn = engine.connect()
    conn.execute(
        text(
            "INSERT INTO shopping_list (name, requested_from) VALUES (:name, :site)"
            " ON CONFLICT (name) DO NOTHING"
        ),
        {"name": name, "site": site_id},
    )
    conn.commit()
