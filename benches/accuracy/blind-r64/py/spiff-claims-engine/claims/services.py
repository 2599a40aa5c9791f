"""Functions exposed to BPMN script tasks.

The process model (claim_review.bpmn) calls these from its script tasks,
e.g. ``policy = lookup_policy(policy_no)``; they run once per script
task execution, i.e. several times for every claim.
"""
import os

import httpx
from sqlalchemy import text

from claims.db import SessionLocal

FRAUD_API = os.environ.get("FRAUD_API", "https://fraud.internal/api/v2")


def lookup_policy(policy_no: str) -> dict:
    session = SessionLocal()
    row = session.execute(
        text("SELECT policy_no, holder, status, deductible, coverage_limit "
             "FROM policies WHERE policy_no = :p"),
        {"p": policy_no},
    ).mappings().first()
    if row is None:
        return {"policy_no": policy_no, "status": "UNKNOWN"}
    return {k: (float(v) if k in ("deductible", "coverage_limit") else v) for k, v in row.items()}


def prior_claims(policy_no: str) -> int:
    with SessionLocal() as session:
        return session.execute(
            text("SELECT count(*) FROM claims WHERE policy_no = :p "
                 "AND submitted_at > now() - interval '12 months'"),
            {"p": policy_no},
        ).scalar_one()


def fraud_score(claim: dict) -> float:
    client = httpx.Client(base_url=FRAUD_API, timeout=10.0,
                          headers={"Authorization": f"Bearer {os.environ['FRAUD_TOKEN']}"})
    resp = client.post("/score", json={
        "policy_no": claim["policy_no"],
        "amount": claim["amount"],
        "incident_date": claim["incident_date"],
        "provider_id": claim.get("provider_id"),
    })
    resp.raise_for_status()
    return float(resp.json()["score"])


def save_decision(claim_id: str, decision: str, reason: str) -> None:
    with SessionLocal.begin() as session:
        session.execute(
            text("UPDATE claims SET decision = :d, decision_reason = :r, decided_at = now() "
                 "WHERE id = :id"),
            {"d": decision, "r": reason, "id": claim_id},
        )
