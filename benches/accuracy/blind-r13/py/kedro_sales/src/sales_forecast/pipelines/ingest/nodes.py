import io
from datetime import date, timedelta

import pandas as pd
from sqlalchemy import text

from sales_forecast import clients


def extract_orders(params: dict) -> pd.DataFrame:
    since = date.today() - timedelta(days=params["lookback_days"])
    with clients.engine().connect() as conn:
        return pd.read_sql(
            text("SELECT store_id, sku, qty, net_amount, ordered_at FROM orders WHERE ordered_at >= :since"),
            conn,
            params={"since": since},
        )


def aggregate_weekly(orders: pd.DataFrame) -> pd.DataFrame:
    orders["week"] = pd.to_datetime(orders["ordered_at"]).dt.to_period("W").dt.start_time
    return (
        orders.groupby(["store_id", "sku", "week"], as_index=False)
        .agg(units=("qty", "sum"), revenue=("net_amount", "sum"))
    )


def export_to_s3(weekly: pd.DataFrame, params: dict) -> None:
    buf = io.BytesIO()
    weekly.to_parquet(buf, index=False)
    key = f"{params['export_prefix']}{date.today().isoformat()}.parquet"
    clients.s3().put_object(Bucket=params["export_bucket"], Key=key, Body=buf.getvalue())
