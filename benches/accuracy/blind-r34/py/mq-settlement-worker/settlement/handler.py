"""Handles one MT103-style settlement instruction taken off the MQ queue."""
import json
import os

import requests
from sqlalchemy import text

from settlement import ledger, receipts
from settlement.db import SessionLocal

FX_API = os.environ.get("FX_API", "https://fx.internal.acme.net/v2/rates")


class SettlementHandler:
    def __init__(self, raw_message):
        self.instruction = json.loads(raw_message.decode("utf-8"))
        self.http = requests.Session()
        self.http.headers["Authorization"] = "Bearer " + os.environ.get("FX_TOKEN", "")

    def fx_rate(self, source, target):
        if source == target:
            return 1.0
        resp = self.http.get(FX_API, params={"from": source, "to": target}, timeout=3)
        resp.raise_for_status()
        return float(resp.json()["rate"])

    def process(self):
        ins = self.instruction
        rate = self.fx_rate(ins["currency"], ins["settle_currency"])
        amount_minor = round(ins["amount_minor"] * rate)

        with SessionLocal() as session:
            already = session.execute(
                text("SELECT 1 FROM payments WHERE id = :id AND status = 'SETTLED'"),
                {"id": ins["payment_id"]},
            ).first()
            if already:
                return "duplicate"
            session.execute(
                text("UPDATE payments SET status = 'SETTLED', settled_minor = :m WHERE id = :id"),
                {"m": amount_minor, "id": ins["payment_id"]},
            )
            session.commit()

        ledger.post_entries(
            ins["payment_id"],
            ins["debit_account"],
            ins["credit_account"],
            amount_minor,
            ins["settle_currency"],
        )
        receipts.archive_receipt(ins["payment_id"], {"instruction": ins, "rate": rate})
        return "settled"
