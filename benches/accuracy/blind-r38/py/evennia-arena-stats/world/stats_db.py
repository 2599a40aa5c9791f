"""Arena statistics live in the shared analytics MySQL, not in Evennia's own DB."""
import os

from sqlalchemy import create_engine

ANALYTICS_URL = os.environ.get(
    "ANALYTICS_URL", "mysql+pymysql://mud:mud@analytics.internal:3306/mud_analytics"
)

engine = create_engine(ANALYTICS_URL, pool_pre_ping=True, pool_recycle=1800)
