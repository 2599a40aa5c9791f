import os
from decimal import Decimal

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(
    os.environ["LOYALTY_DATABASE_URL"],
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)


def award_points(user_id: int, amount: Decimal, per_unit: int, order_id: str) -> int:
    earned = int(amount) * per_unit
    session = Session(engine)
    already = session.execute(
        text("SELECT 1 FROM loyalty_ledger WHERE order_id = :order_id"),
        {"order_id": order_id},
    ).first()
    if already is not None:
        return 0
    session.execute(
        text(
            "INSERT INTO loyalty_ledger (user_id, order_id, points) "
            "VALUES (:user_id, :order_id, :points)"
        ),
        {"user_id": user_id, "order_id": order_id, "points": earned},
    )
    session.commit()
    session.close()
    return earned


def balance(user_id: int) -> int:
    with Session(engine) as session:
        total = session.execute(
            text("SELECT COALESCE(SUM(points), 0) FROM loyalty_ledger WHERE user_id = :user_id"),
            {"user_id": user_id},
        ).scalar_one()
    return int(total)


def forget_customer(user_id: int) -> None:
    with Session(engine) as session, session.begin():
        session.execute(
            text("DELETE FROM loyalty_ledger WHERE user_id = :user_id"),
            {"user_id": user_id},
        )
