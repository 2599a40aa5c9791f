"""Per-plate summary shown under the annotation list."""
import os

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("LIMS_DATABASE_URL", "postgresql+psycopg2://napari:napari@lims-db:5432/lims"),
    pool_size=2,
)


def plate_summary(plate_id: str) -> str:
    with _engine.connect() as conn:
        row = conn.execute(
            text("SELECT count(*), coalesce(sum(cell_count), 0) FROM wells WHERE plate_id = :p"),
            {"p": plate_id},
        ).one()
    return f"{row[0]} wells counted, {row[1]} cells total"
