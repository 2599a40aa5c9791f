import os

import httpx
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


def build_services():
    engine = create_engine(
        os.environ["WMS_DB_URL"],  # mysql+pymysql://dock@wms-db/wms
        pool_size=2,
        max_overflow=0,
        pool_recycle=1800,
        pool_pre_ping=True,
    )
    printer = httpx.Client(base_url=os.environ["LABEL_PRINTER_URL"], timeout=5.0)
    return engine, sessionmaker(engine, expire_on_commit=False), printer
