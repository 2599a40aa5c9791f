"""Vendor lookups (the vendor table lives in the same billing database)."""
import os

from sqlalchemy import create_engine, text

catalog_engine = create_engine(os.environ["DATABASE_URL"], pool_size=3)


def vendor_for_filename(filename: str) -> int | None:
    prefix = filename.split("_", 1)[0].upper()
    with catalog_engine.connect() as conn:
        return conn.execute(
            text("SELECT id FROM vendors WHERE invoice_prefix = :prefix"), {"prefix": prefix}
        ).scalar_one_or_none()
