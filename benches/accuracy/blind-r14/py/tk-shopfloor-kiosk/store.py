from sqlalchemy import create_engine, text

from settings import MYSQL_URL

engine = create_engine(MYSQL_URL, pool_recycle=3600, pool_pre_ping=True)


def shift_summary():
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT SUM(units) AS units, SUM(scrap) AS scrap, COUNT(DISTINCT line) AS lines "
                "FROM line_output WHERE shift_date = CURDATE()"
            )
        ).one()
