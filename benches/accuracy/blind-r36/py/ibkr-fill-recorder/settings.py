import os

IB_HOST = os.environ.get("IB_HOST", "127.0.0.1")
IB_PORT = int(os.environ.get("IB_PORT", "4001"))
IB_CLIENT_ID = int(os.environ.get("IB_CLIENT_ID", "31"))

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg2://desk:desk@pg-desk.internal:5432/desk"
)
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis-desk.internal:6379/2")
ALERTS_URL = os.environ.get("ALERTS_URL", "https://alerts.internal")

WATCHLIST = [s.strip() for s in os.environ.get("WATCHLIST", "AAPL,MSFT,NVDA,SPY").split(",")]
MOVE_ALERT_PCT = float(os.environ.get("MOVE_ALERT_PCT", "0.6"))
