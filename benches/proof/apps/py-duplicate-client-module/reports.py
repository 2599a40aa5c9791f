"""The reports, with an engine of their own to the same database (seed 002: "3 different files
created separate connections")."""
import os

from sqlalchemy import create_engine, text

reports_engine = create_engine(os.environ["DATABASE_URL"], pool_size=5, max_overflow=0)


def daily_report(day: int) -> int:
    with reports_engine.connect() as conn:
        return conn.execute(text("select :d from pg_sleep(0.2)"), {"d": day}).scalar_one()
