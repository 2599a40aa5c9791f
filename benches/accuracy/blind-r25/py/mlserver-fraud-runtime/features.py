"""Per-transaction features read from the payments database."""

import numpy as np

FEATURE_SQL = """
SELECT a.account_age_days,
       a.chargebacks_365d,
       coalesce(v.tx_count_1h, 0)  AS tx_count_1h,
       coalesce(v.tx_amount_24h, 0) AS tx_amount_24h,
       coalesce(m.risk_score, 0.5) AS merchant_risk
  FROM accounts a
  LEFT JOIN account_velocity v ON v.account_id = a.id
  LEFT JOIN merchant_risk m ON m.merchant_id = $2
 WHERE a.id = $1
"""


async def build_matrix(conn, transactions):
    rows = []
    for tx in transactions:
        rec = await conn.fetchrow(FEATURE_SQL, tx["account_id"], tx["merchant_id"])
        if rec is None:
            rows.append([0, 0, 0, 0, 0.5, tx["amount"], int(tx["card_present"])])
            continue
        rows.append(
            [
                rec["account_age_days"],
                rec["chargebacks_365d"],
                rec["tx_count_1h"],
                float(rec["tx_amount_24h"]),
                float(rec["merchant_risk"]),
                tx["amount"],
                int(tx["card_present"]),
            ]
        )
    return np.asarray(rows, dtype=np.float64)


async def record_decisions(conn, transactions, scores, model_version):
    await conn.executemany(
        "INSERT INTO fraud_decisions (tx_id, score, model_version) VALUES ($1, $2, $3)",
        [(tx["tx_id"], float(s), model_version) for tx, s in zip(transactions, scores)],
    )
