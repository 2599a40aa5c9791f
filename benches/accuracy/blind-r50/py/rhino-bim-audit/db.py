"""Model-object inventory database."""
import os

from sqlalchemy import create_engine

BIM_DB_URL = os.environ.get(
    "BIM_DB_URL", "postgresql+psycopg2://rhino@bim-db.internal:5432/bim"
)

engine = create_engine(BIM_DB_URL, pool_size=3, pool_pre_ping=True)
