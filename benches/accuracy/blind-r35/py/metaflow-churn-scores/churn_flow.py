import json
import math
import os
from datetime import date

from metaflow import FlowSpec, Parameter, resources, retry, step

import clients

BUCKET = os.environ.get("SCORES_BUCKET", "crm-churn-scores")


def churn_probability(days_inactive: int, tickets: int, spend: float) -> float:
    z = -2.1 + 0.045 * days_inactive + 0.3 * tickets - 0.002 * spend
    return 1.0 / (1.0 + math.exp(-z))


class ChurnScoresFlow(FlowSpec):
    snapshot = Parameter("snapshot", default=date.today().isoformat(), help="Snapshot date")

    @step
    def start(self):
        with clients.connect_warehouse() as conn:
            rows = conn.execute("SELECT DISTINCT region FROM customers WHERE active").fetchall()
        self.regions = [r[0] for r in rows]
        self.next(self.score_region, foreach="regions")

    @retry(times=2)
    @resources(cpu=2, memory=4096)
    @step
    def score_region(self):
        self.region = self.input
        s3 = clients.get_s3()
        scored = []
        with clients.connect_warehouse() as conn:
            with conn.cursor(name=f"churn_{self.region}") as cur:
                cur.execute(
                    "SELECT id, days_inactive, open_tickets, spend_90d FROM customer_features "
                    "WHERE region = %s AND snapshot = %s",
                    (self.region, self.snapshot),
                )
                for customer_id, days_inactive, tickets, spend in cur:
                    scored.append(
                        {"id": customer_id, "p": churn_probability(days_inactive, tickets, float(spend))}
                    )
        self.key = f"{self.snapshot}/{self.region}.json"
        s3.put_object(Bucket=BUCKET, Key=self.key, Body=json.dumps(scored).encode())
        self.count = len(scored)
        self.next(self.join)

    @step
    def join(self, inputs):
        self.keys = [inp.key for inp in inputs]
        self.total = sum(inp.count for inp in inputs)
        self.next(self.end)

    @step
    def end(self):
        clients.get_s3().put_object(
            Bucket=BUCKET,
            Key=f"{self.snapshot}/_manifest.json",
            Body=json.dumps({"files": self.keys, "customers": self.total}).encode(),
        )
        print(f"scored {self.total} customers in {len(self.keys)} regions")


if __name__ == "__main__":
    ChurnScoresFlow()
