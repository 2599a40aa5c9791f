import pandas as pd
from sqlalchemy import text
from zenml import step

from common.connections import get_engine, redis_for


@step
def publish_forecast(tenant: str, predictions: pd.DataFrame) -> int:
    cache = redis_for(tenant)
    pipe = cache.pipeline(transaction=False)
    for row in predictions.itertuples(index=False):
        pipe.hset(f"forecast:{row.sku}", str(row.week_ahead), round(row.units, 2))
    pipe.execute()

    with get_engine().begin() as conn:
        conn.execute(text("DELETE FROM forecasts WHERE tenant = :t"), {"t": tenant})
        conn.execute(
            text("INSERT INTO forecasts (tenant, sku, week_ahead, units) VALUES (:t, :s, :w, :u)"),
            [
                {"t": tenant, "s": r.sku, "w": r.week_ahead, "u": r.units}
                for r in predictions.itertuples(index=False)
            ],
        )
    return len(predictions)
