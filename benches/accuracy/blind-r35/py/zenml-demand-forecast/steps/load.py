import pandas as pd
from sqlalchemy import text
from zenml import step

from common.connections import get_engine


@step
def load_sales(tenant: str, weeks: int = 104) -> pd.DataFrame:
    engine = get_engine()
    with engine.connect() as conn:
        return pd.read_sql(
            text(
                "SELECT sku, week_start, units FROM weekly_sales "
                "WHERE tenant = :tenant AND week_start >= now() - make_interval(weeks => :weeks)"
            ),
            conn,
            params={"tenant": tenant, "weeks": weeks},
        )
