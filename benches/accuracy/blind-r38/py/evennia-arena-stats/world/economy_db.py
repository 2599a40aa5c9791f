"""Gold/market tables used by the economy tick and the donate command."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("ANALYTICS_URL", "mysql+pymysql://mud:mud@analytics.internal:3306/mud_analytics"),
    pool_size=5,
    pool_pre_ping=True,
)


def record_market_prices(prices):
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO market_prices (item, price) VALUES (:item, :price)"),
            [{"item": k, "price": v} for k, v in prices.items()],
        )
