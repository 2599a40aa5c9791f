"""Database helpers shared by the driver and the Dask tasks."""
import os

import pandas as pd
from sqlalchemy import create_engine, text

LISTINGS_URL = os.environ.get(
    "LISTINGS_URL", "postgresql+psycopg2://etl:etl@pg.internal:5432/listings"
)


def make_engine():
    return create_engine(LISTINGS_URL, pool_size=2, max_overflow=0, pool_pre_ping=True)


def fetch_listing_ids(engine, since):
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id FROM listings WHERE updated_at >= :since ORDER BY id"),
            {"since": since},
        )
        return [row.id for row in rows]


def load_listings_frame(engine, since):
    with engine.connect() as conn:
        return pd.read_sql(
            text(
                "SELECT id, address, city, postcode, price_cents FROM listings "
                "WHERE updated_at >= :since"
            ),
            conn,
            params={"since": since},
        )


UPSERT_SQL = text(
    """
    INSERT INTO listing_enrichment (listing_id, lat, lon, walk_score, price_band)
    VALUES (:listing_id, :lat, :lon, :walk_score, :price_band)
    ON CONFLICT (listing_id) DO UPDATE
    SET lat = EXCLUDED.lat, lon = EXCLUDED.lon,
        walk_score = EXCLUDED.walk_score, price_band = EXCLUDED.price_band
    """
)
