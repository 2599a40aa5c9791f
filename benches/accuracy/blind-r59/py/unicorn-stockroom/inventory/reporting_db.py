"""Reporting helpers for the reorder panel (usage trends from the WMS)."""
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

reporting_engine = create_engine(
    settings.WMS_DATABASE_URL,
    pool_size=8,
    max_overflow=4,
    pool_recycle=1800,
)
ReportingSession = sessionmaker(bind=reporting_engine)

_USAGE_SQL = text(
    """
    SELECT date_trunc('week', picked_at) AS week, sum(quantity) AS picked
    FROM wms.pick_lines
    WHERE sku = :sku AND picked_at >= :since
    GROUP BY 1
    ORDER BY 1
    """
)


def weekly_usage(sku, weeks=12):
    since = timezone.now() - timedelta(weeks=weeks)
    with reporting_engine.connect() as conn:
        return [
            {"week": row.week.date().isoformat(), "picked": int(row.picked)}
            for row in conn.execute(_USAGE_SQL, {"sku": sku, "since": since})
        ]


def suggested_quantity(usage, lead_time_weeks=3):
    if not usage:
        return 0
    recent = [u["picked"] for u in usage[-6:]]
    avg = sum(recent) / len(recent)
    return int(round(avg * (lead_time_weeks + 1)))
