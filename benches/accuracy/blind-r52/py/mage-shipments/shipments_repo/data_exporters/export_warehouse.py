import os

import pandas as pd
from sqlalchemy import create_engine, text

if 'data_exporter' not in globals():
    from mage_ai.data_preparation.decorators import data_exporter

WAREHOUSE_URL = os.getenv(
    'WAREHOUSE_URL', 'postgresql+psycopg2://etl@warehouse.internal:5432/logistics'
)


@data_exporter
def export_data(df: pd.DataFrame, *args, **kwargs) -> None:
    """Upsert the normalized events into the warehouse (runs every trigger)."""
    if df.empty:
        return

    engine = create_engine(WAREHOUSE_URL, pool_size=5, pool_pre_ping=True)
    df.to_sql('tracking_events_stage', engine, if_exists='replace', index=False)

    with engine.begin() as conn:
        conn.execute(text("""
            INSERT INTO tracking_events (tracking_number, carrier, status, event_time, location)
            SELECT tracking_number, carrier, status, event_time, location
            FROM tracking_events_stage
            ON CONFLICT (tracking_number, event_time, status) DO NOTHING
        """))
        conn.execute(text("""
            UPDATE shipments s SET last_status = e.status, last_event_at = e.event_time
            FROM (
                SELECT DISTINCT ON (tracking_number) tracking_number, status, event_time
                FROM tracking_events_stage ORDER BY tracking_number, event_time DESC
            ) e
            WHERE s.tracking_number = e.tracking_number
        """))
