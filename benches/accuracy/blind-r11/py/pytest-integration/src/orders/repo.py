from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session


def create_order(session: Session, customer_id: int, lines: list[tuple[str, int, Decimal]]) -> int:
    order_id = session.execute(
        text("INSERT INTO orders (customer_id, status) VALUES (:c, 'open') RETURNING id"),
        {"c": customer_id},
    ).scalar_one()
    if not lines:
        return order_id
    session.execute(
        text("INSERT INTO order_lines (order_id, sku, qty, unit_price) VALUES (:o, :s, :q, :p)"),
        [{"o": order_id, "s": sku, "q": qty, "p": price} for sku, qty, price in lines],
    )
    return order_id


def order_total(session: Session, order_id: int) -> Decimal:
    return session.execute(
        text("SELECT coalesce(sum(qty * unit_price), 0) FROM order_lines WHERE order_id = :o"),
        {"o": order_id},
    ).scalar_one()
