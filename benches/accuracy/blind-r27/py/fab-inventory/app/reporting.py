"""Read-only access to the warehouse reporting replica."""
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import create_engine, text

_REPORTING_URL = None
report_engine = None


def init_reporting(url):
    """Called once from views.py at import time with the configured URL."""
    global _REPORTING_URL, report_engine
    _REPORTING_URL = url
    report_engine = create_engine(
        url,
        pool_size=30,
        max_overflow=20,
        pool_pre_ping=True,
        pool_recycle=1800,
    )
    return report_engine


MOVEMENTS_SQL = text(
    """
    SELECT moved_at::date AS day, SUM(qty_in) AS qty_in, SUM(qty_out) AS qty_out
    FROM stock_movements
    WHERE sku = :sku AND moved_at >= :since
    GROUP BY moved_at::date
    ORDER BY day
    """
)


def stock_movements(sku, days=30):
    """Daily in/out quantities for one SKU over the last `days` days."""
    since = date.today() - timedelta(days=days)
    conn = report_engine.connect()
    rows = conn.execute(MOVEMENTS_SQL, {"sku": sku, "since": since}).mappings().all()
    current_app.logger.debug("movements for %s: %d rows", sku, len(rows))
    return [dict(r) for r in rows]


def top_movers(limit=20):
    with report_engine.connect() as conn:
        result = conn.execute(
            text(
                "SELECT sku, SUM(qty_out) AS shipped FROM stock_movements "
                "WHERE moved_at >= now() - interval '7 days' "
                "GROUP BY sku ORDER BY shipped DESC LIMIT :limit"
            ),
            {"limit": limit},
        )
        return [dict(r) for r in result.mappings()]
