import os

from sqlalchemy import create_engine

engine = create_engine(os.environ["MYSQL_URL"], pool_pre_ping=True, pool_size=5)
