"""SQLAlchemy engine, session factory and tables for the team wiki."""
from __future__ import annotations

import os
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, create_engine, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

DATABASE_URL = os.environ.get(
    "WIKI_DATABASE_URL", "postgresql+psycopg2://wiki:wiki@pg.internal:5432/wiki"
)

# waitress runs 16 threads per process and we run 4 processes behind nginx.
engine = create_engine(
    DATABASE_URL,
    pool_size=30,
    max_overflow=30,
    pool_pre_ping=True,
)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class PageRow(Base):
    __tablename__ = "pages"

    slug: Mapped[str] = mapped_column(String(120), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
