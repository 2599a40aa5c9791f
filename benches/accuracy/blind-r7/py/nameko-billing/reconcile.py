"""Nightly-ish reconciliation against the payments provider.

Runs in the same container as BillingService:
    nameko run --config config.yaml service reconcile
"""
import os

import requests
from nameko.timer import timer
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from models import Invoice

engine = create_engine(os.environ["BILLING_DB_URL"], pool_pre_ping=True)

PAYMENTS_API = os.environ.get("PAYMENTS_API", "https://payments.internal/api")


class ReconcileService:
    name = "billing_reconcile"

    @timer(interval=900)
    def reconcile_pending(self):
        with Session(engine) as session:
            pending = session.scalars(select(Invoice).where(Invoice.status == "pending").limit(500)).all()
            if not pending:
                return
            refs = ",".join(f"inv-{inv.id}" for inv in pending)
            resp = requests.get(
                f"{PAYMENTS_API}/charges",
                params={"references": refs},
                headers={"Authorization": f"Bearer {os.environ['PAYMENTS_TOKEN']}"},
                timeout=30,
            )
            resp.raise_for_status()
            settled = {c["reference"] for c in resp.json()["charges"] if c["status"] == "succeeded"}
            for inv in pending:
                if f"inv-{inv.id}" in settled:
                    inv.status = "paid"
            session.commit()
