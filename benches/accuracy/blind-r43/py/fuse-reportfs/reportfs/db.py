from sqlalchemy import create_engine, text

from reportfs.config import DATABASE_URL

engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)


def list_reports(conn):
    rows = conn.execute(
        text("SELECT slug, sql_text, extract(epoch FROM updated_at) AS mtime FROM saved_reports")
    )
    return {r.slug: (r.sql_text, r.mtime) for r in rows}
