"""Writer Framework app: event handlers run once per UI event of a session."""
import os

import httpx
import pandas as pd
import writer as wf
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

import tenants

engine = create_engine(
    os.environ.get("ACCOUNTS_DB_URL", "postgresql+psycopg://dash:dash@accounts-db:5432/accounts"),
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)
Session = sessionmaker(engine)
billing = httpx.Client(base_url=os.environ.get("BILLING_URL", "http://billing.internal"),
                       timeout=5.0)


def _load_usage(state):
    tenant = state["tenant"]
    client = tenants.usage_client(tenant)
    result = client.query(
        "SELECT toDate(ts) AS day, product, sum(units) AS units"
        " FROM usage_events WHERE ts >= now() - INTERVAL {days:UInt16} DAY"
        " GROUP BY day, product ORDER BY day",
        parameters={"days": int(state["days"])},
    )
    state["usage"] = pd.DataFrame(result.result_rows, columns=result.column_names)


def handle_tenant_change(state, payload):
    if payload not in tenants.TENANT_CLUSTERS:
        state["message"] = "-Unknown tenant"
        return
    state["tenant"] = payload
    with Session() as session:
        row = session.execute(
            text("SELECT plan, seats, renewal_date FROM accounts WHERE slug = :slug"),
            {"slug": payload},
        ).one()
    state["account"] = {"plan": row.plan, "seats": row.seats, "renewal": str(row.renewal_date)}
    _load_usage(state)
    state["message"] = ""


def handle_days_change(state, payload):
    state["days"] = int(payload)
    _load_usage(state)


def handle_refresh_invoice(state):
    resp = billing.get(f"/v1/tenants/{state['tenant']}/invoices/upcoming")
    resp.raise_for_status()
    invoice = resp.json()
    state["invoice"] = {"total": invoice["total"], "due": invoice["due_date"]}


def handle_add_note(state, payload):
    with Session.begin() as session:
        session.execute(
            text("INSERT INTO account_notes (slug, note, created_at) VALUES (:s, :n, now())"),
            {"s": state["tenant"], "n": payload},
        )
    state["message"] = "+Note saved"


initial_state = wf.init_state({
    "tenant": "acme",
    "days": 30,
    "usage": pd.DataFrame(columns=["day", "product", "units"]),
    "account": {},
    "invoice": {},
    "message": "",
})
