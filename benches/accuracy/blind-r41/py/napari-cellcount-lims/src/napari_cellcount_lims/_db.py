"""LIMS database access for the annotation dock widget."""
import os

from sqlalchemy import create_engine

LIMS_URL = os.environ.get("LIMS_DATABASE_URL", "postgresql+psycopg2://napari:napari@lims-db:5432/lims")
RESULTS_URL = os.environ.get(
    "RESULTS_DATABASE_URL", "postgresql+psycopg2://napari:napari@results-db:5432/results"
)

engine = create_engine(LIMS_URL, pool_size=2, max_overflow=1, pool_pre_ping=True)
