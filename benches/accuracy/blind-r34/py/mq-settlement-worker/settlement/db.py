import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

MYSQL_URL = os.environ.get(
    "SETTLEMENT_DB_URL", "mysql+pymysql://settle:settle@mysql-payments:3306/payments"
)

engine = create_engine(MYSQL_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)
