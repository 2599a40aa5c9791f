"""Connection for the reporting queries (added with the revenue dashboard)."""
import os

from sqlalchemy import create_engine

report_engine = create_engine(
    os.environ["BILLING_DATABASE_URL"],
    pool_size=5,
    pool_recycle=1800,
    execution_options={"postgresql_readonly": True},
)
