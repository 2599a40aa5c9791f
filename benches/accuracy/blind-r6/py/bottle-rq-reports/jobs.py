"""Worker process: report jobs. Imported once by worker.py (SimpleWorker, no fork per job)."""
import json
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True)


def build_report(report_id: int) -> str:
    with engine.begin() as conn:
        report = conn.execute(
            text("SELECT kind, params FROM reports WHERE id = :id FOR UPDATE"), {"id": report_id}
        ).mappings().one()
        conn.execute(text("UPDATE reports SET status = 'running' WHERE id = :id"), {"id": report_id})

    params = json.loads(report["params"] or "{}")
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT date_trunc('month', ordered_at) AS month, sum(total) AS revenue "
                "FROM orders WHERE ordered_at >= coalesce(:since, now() - interval '1 year') "
                "GROUP BY 1 ORDER BY 1"
            ),
            {"since": params.get("since")},
        ).all()

    result_url = f"/exports/report-{report_id}.json"
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE reports SET status = 'done', result_url = :url, rows = :n WHERE id = :id"),
            {"url": result_url, "n": len(rows), "id": report_id},
        )
    return result_url
