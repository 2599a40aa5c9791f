import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(
    os.environ.get("WAREHOUSE_URL", "postgresql+psycopg2://kcl@warehouse:5432/analytics"),
    pool_size=20,
    max_overflow=-1,
)


def record_conversions(events):
    conversions = [e for e in events if e.get("type") == "checkout_completed"]
    session = Session(engine)
    if not conversions:
        return 0
    for e in conversions:
        session.execute(
            text(
                "INSERT INTO conversions (session_id, order_id, amount, ts) "
                "VALUES (:sid, :oid, :amt, :ts) ON CONFLICT DO NOTHING"
            ),
            {"sid": e["session_id"], "oid": e["order_id"], "amt": e["amount"], "ts": e["ts"]},
        )
    session.commit()
    session.close()
    return len(conversions)
