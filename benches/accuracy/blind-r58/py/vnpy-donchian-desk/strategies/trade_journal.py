"""Fill journal for the desk's strategies (Postgres)."""

import os
from datetime import date, datetime, timedelta

from sqlalchemy import DateTime, Integer, Numeric, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

DESK_DB_URL = os.environ.get("DESK_DB_URL", "postgresql+psycopg2://desk:desk@10.0.3.20/desk")

engine = create_engine(DESK_DB_URL, pool_size=5, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Fill(Base):
    __tablename__ = "cta_fills"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    strategy: Mapped[str] = mapped_column(String(64), index=True)
    vt_tradeid: Mapped[str] = mapped_column(String(64), unique=True)
    vt_symbol: Mapped[str] = mapped_column(String(32))
    direction: Mapped[str] = mapped_column(String(8))
    offset: Mapped[str] = mapped_column(String(16))
    price: Mapped[float] = mapped_column(Numeric(14, 4))
    volume: Mapped[float] = mapped_column(Numeric(14, 2))
    traded_at: Mapped[datetime] = mapped_column(DateTime)


def record_fill(strategy_name, trade) -> None:
    session = SessionLocal()
    existing = session.scalar(select(Fill).where(Fill.vt_tradeid == trade.vt_tradeid))
    if existing is not None:
        return
    session.add(
        Fill(
            strategy=strategy_name,
            vt_tradeid=trade.vt_tradeid,
            vt_symbol=trade.vt_symbol,
            direction=trade.direction.value,
            offset=trade.offset.value,
            price=trade.price,
            volume=trade.volume,
            traded_at=trade.datetime.replace(tzinfo=None),
        )
    )
    session.commit()


def fills_for_day(strategy_name: str, day: date) -> list[Fill]:
    start = datetime.combine(day, datetime.min.time())
    with SessionLocal() as session:
        return list(
            session.scalars(
                select(Fill)
                .where(Fill.strategy == strategy_name)
                .where(Fill.traded_at >= start, Fill.traded_at < start + timedelta(days=1))
                .order_by(Fill.traded_at)
            )
        )
