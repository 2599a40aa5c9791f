import datetime as dt
import os

from sqlalchemy import DateTime, Float, Integer, String, create_engine, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class BuildTiming(Base):
    __tablename__ = "build_timings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pipeline: Mapped[str] = mapped_column(String(120), index=True)
    stage: Mapped[str] = mapped_column(String(60))
    seconds: Mapped[float] = mapped_column(Float)
    agent: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


def make_sessionmaker() -> sessionmaker:
    """Builds the engine and a session factory. The server calls this once at start-up."""
    engine = create_engine(
        os.environ.get("METRICS_DATABASE_URL", "postgresql+psycopg2://metrics@ci-db/metrics"),
        pool_size=8,
        max_overflow=4,
        pool_pre_ping=True,
    )
    return sessionmaker(bind=engine, expire_on_commit=False)
