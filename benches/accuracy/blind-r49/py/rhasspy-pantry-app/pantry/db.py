"""Pantry inventory store."""
import os

from sqlalchemy import Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

PANTRY_DB_URL = os.environ.get("PANTRY_DB_URL", "postgresql+psycopg://pantry:pantry@nas.local:5432/pantry")

engine = create_engine(PANTRY_DB_URL, pool_pre_ping=True)


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "pantry_items"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer, default=0)


def add_item(name: str, quantity: int) -> int:
    with Session(engine) as session, session.begin():
        item = session.get(Item, name)
        if item is None:
            item = Item(name=name, quantity=0)
            session.add(item)
        item.quantity += quantity
        return item.quantity


def in_stock() -> list[str]:
    with Session(engine) as session:
        return list(session.scalars(select(Item.name).where(Item.quantity > 0).order_by(Item.name)))
