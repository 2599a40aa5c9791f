"""Hamilton dataflow: every function is a node, parameters name its dependencies.

All nodes are recomputed on each Driver.execute() call.
"""
import httpx
import pandas as pd
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


def warehouse_engine(warehouse_url: str) -> Engine:
    return create_engine(warehouse_url, pool_pre_ping=True)


def competitor_api(competitor_api_url: str, competitor_api_key: str) -> httpx.Client:
    return httpx.Client(
        base_url=competitor_api_url,
        headers={"X-Api-Key": competitor_api_key},
        timeout=15.0,
    )


def recent_sales(warehouse_engine: Engine, lookback_hours: int) -> pd.DataFrame:
    with warehouse_engine.connect() as conn:
        return pd.read_sql(
            text(
                "SELECT sku, sum(quantity) AS units, avg(unit_price) AS avg_price"
                " FROM order_lines WHERE ordered_at > now() - make_interval(hours => :hours)"
                " GROUP BY sku"
            ),
            conn,
            params={"hours": lookback_hours},
        )


def current_prices(warehouse_engine: Engine) -> pd.DataFrame:
    with warehouse_engine.connect() as conn:
        return pd.read_sql(text("SELECT sku, list_price, floor_price FROM catalog_prices"), conn)


def competitor_prices(competitor_api: httpx.Client, recent_sales: pd.DataFrame) -> pd.DataFrame:
    skus = recent_sales["sku"].unique().tolist()
    rows = []
    for start in range(0, len(skus), 100):
        resp = competitor_api.post("/v2/prices/lookup", json={"skus": skus[start:start + 100]})
        resp.raise_for_status()
        rows.extend(resp.json()["prices"])
    return pd.DataFrame(rows, columns=["sku", "competitor_price"])


def price_updates(
    current_prices: pd.DataFrame,
    competitor_prices: pd.DataFrame,
    recent_sales: pd.DataFrame,
    max_discount: float,
) -> pd.DataFrame:
    df = current_prices.merge(competitor_prices, on="sku").merge(recent_sales, on="sku", how="left")
    target = (df["competitor_price"] * 0.99).clip(lower=df["floor_price"])
    target = target.clip(lower=df["list_price"] * (1 - max_discount))
    df["new_price"] = target.round(2)
    return df.loc[df["new_price"] != df["list_price"], ["sku", "list_price", "new_price", "units"]]
