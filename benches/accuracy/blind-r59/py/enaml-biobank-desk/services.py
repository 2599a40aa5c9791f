"""Back-end access for the sample desk, built once by build_services()."""
import logging
import os

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

log = logging.getLogger("biobank.services")

BIOBANK_URL = os.environ.get("BIOBANK_DATABASE_URL", "postgresql+psycopg2://desk@pg-biobank/biobank")
LIMS_URL = os.environ.get("LIMS_API_URL", "https://lims.lab.internal/api")


class LabServices:
    def __init__(self, engine, lims_http):
        self.engine = engine
        self.Session = sessionmaker(bind=engine)
        self.lims_http = lims_http

    def lookup_sample(self, barcode):
        barcode = (barcode or "").strip()
        if not barcode:
            return {}
        with self.Session() as session:
            row = session.execute(
                text(
                    "SELECT barcode, donor_code, material, freezer, rack, position, status"
                    " FROM samples WHERE barcode = :b"
                ),
                {"b": barcode},
            ).mappings().first()
        return dict(row) if row else {}

    def check_out(self, barcode, operator):
        with self.Session() as session, session.begin():
            session.execute(
                text("UPDATE samples SET status = 'checked_out' WHERE barcode = :b"),
                {"b": barcode},
            )
            session.execute(
                text("INSERT INTO sample_events (barcode, event, operator) VALUES (:b, 'check_out', :op)"),
                {"b": barcode, "op": operator},
            )

    def freezer_readings(self):
        resp = self.lims_http.get(f"{LIMS_URL}/freezers/readings", timeout=5)
        resp.raise_for_status()
        return resp.json()["readings"]

    def close(self):
        self.lims_http.close()
        self.engine.dispose()


def build_services():
    """Called once from main() before the Qt event loop starts."""
    engine = create_engine(BIOBANK_URL, pool_size=2, max_overflow=0, pool_pre_ping=True)
    lims_http = requests.Session()
    lims_http.headers["Authorization"] = f"Token {os.environ.get('LIMS_TOKEN', '')}"
    return LabServices(engine, lims_http)


def format_sample(sample):
    if not sample:
        return "No sample selected"
    return "{barcode}  donor {donor_code}  {material}\n{freezer} / rack {rack} / pos {position}  [{status}]".format(**sample)
