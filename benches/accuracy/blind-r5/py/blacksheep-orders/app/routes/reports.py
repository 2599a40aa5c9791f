from blacksheep.server.responses import json
from sqlalchemy import text

from app.reporting.database import report_engine
from app.routes import router


@router.get("/reports/daily")
async def daily_revenue(days: int = 7):
    async with report_engine.connect() as conn:
        result = await conn.execute(
            text(
                "SELECT date_trunc('day', created_at) AS day, sum(total_cents) AS revenue"
                " FROM orders WHERE created_at > now() - make_interval(days => :days)"
                " GROUP BY 1 ORDER BY 1"
            ),
            {"days": days},
        )
        rows = [
            {"day": r.day.date().isoformat(), "revenue_cents": int(r.revenue)}
            for r in result
        ]
    return json(rows)
