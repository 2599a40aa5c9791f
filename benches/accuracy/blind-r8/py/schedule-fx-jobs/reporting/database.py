import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# MYSQL_URL=mysql+pymysql://fx:***@db.internal/fx
report_engine = create_engine(os.environ["MYSQL_URL"], pool_recycle=3600)
ReportSession = sessionmaker(bind=report_engine)
