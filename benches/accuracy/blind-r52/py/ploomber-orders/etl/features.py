"""Python task: customer-level features from the dumped orders."""
import pandas as pd


def build(product, upstream):
    """One row per customer; consumed by the churn model training job."""
    orders = pd.read_parquet(str(upstream["dump_orders"]))
    orders["order_date"] = pd.to_datetime(orders["order_date"])

    snapshot = orders["order_date"].max()
    grouped = orders.groupby("customer_id")

    features = pd.DataFrame(
        {
            "orders": grouped["id"].count(),
            "revenue": grouped["total"].sum(),
            "avg_basket": grouped["total"].mean(),
            "first_order": grouped["order_date"].min(),
            "last_order": grouped["order_date"].max(),
            "web_share": grouped["channel"].apply(lambda c: (c == "web").mean()),
        }
    )
    features["recency_days"] = (snapshot - features["last_order"]).dt.days
    features["tenure_days"] = (snapshot - features["first_order"]).dt.days
    features["segment"] = pd.cut(
        features["revenue"],
        bins=[-1, 50, 250, 1000, float("inf")],
        labels=["low", "mid", "high", "vip"],
    )
    features.reset_index().to_parquet(str(product), index=False)
