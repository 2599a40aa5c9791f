"""Hamilton dataflow: each function is a node; parameters name other nodes or inputs."""
import io

import pandas as pd
from neo4j import Driver
from pymongo import MongoClient

from reports import clients


def orders(mongo: MongoClient, tenant_id: str, month: str) -> pd.DataFrame:
    cursor = mongo.commerce.orders.find(
        {"tenant_id": tenant_id, "month": month},
        {"_id": 0, "order_id": 1, "customer_id": 1, "total": 1, "sku": 1},
    )
    return pd.DataFrame(list(cursor))


def referral_edges(graph: Driver, tenant_id: str) -> pd.DataFrame:
    with graph.session(database="referrals") as session:
        records = session.run(
            "MATCH (a:Customer {tenant: $t})-[:REFERRED]->(b:Customer) "
            "RETURN a.id AS referrer, b.id AS referred",
            t=tenant_id,
        ).data()
    return pd.DataFrame(records, columns=["referrer", "referred"])


def revenue_by_referrer(orders: pd.DataFrame, referral_edges: pd.DataFrame) -> pd.DataFrame:
    if orders.empty or referral_edges.empty:
        return pd.DataFrame(columns=["referrer", "referred_revenue"])
    merged = referral_edges.merge(orders, left_on="referred", right_on="customer_id")
    return (
        merged.groupby("referrer", as_index=False)["total"]
        .sum()
        .rename(columns={"total": "referred_revenue"})
        .sort_values("referred_revenue", ascending=False)
    )


def report_key(tenant_id: str, month: str) -> str:
    return f"reports/{tenant_id}/{month}/referrals.csv"


def uploaded_report(revenue_by_referrer: pd.DataFrame, report_key: str, bucket: str, region: str) -> str:
    buf = io.StringIO()
    revenue_by_referrer.to_csv(buf, index=False)
    clients.s3_for(region).put_object(Bucket=bucket, Key=report_key, Body=buf.getvalue().encode())
    return f"s3://{bucket}/{report_key}"
