import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("DISPATCH_DB_URL", "postgresql+psycopg://dispatch@db:5432/dispatch"),
    pool_size=5,
    max_overflow=5,
)


def open_jobs(depot):
    conn = engine.connect()
    rows = conn.execute(
        text(
            "SELECT id, customer, address, window_start FROM jobs "
            "WHERE depot = :d AND status = 'open' ORDER BY window_start"
        ),
        {"d": depot},
    ).all()
    if not rows:
        return []
    conn.close()
    return [dict(r._mapping) for r in rows]


def assign(job_id, driver_id):
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE jobs SET driver_id = :drv, status = 'assigned' WHERE id = :id"),
            {"drv": driver_id, "id": job_id},
        )
