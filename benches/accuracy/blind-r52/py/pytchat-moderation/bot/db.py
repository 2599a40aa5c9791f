"""Moderation database (MySQL): engine and session factory, built once."""
import os

from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

MYSQL_URL = os.environ.get("MYSQL_URL", "mysql+pymysql://modbot:modbot@localhost/modbot")

engine = create_engine(MYSQL_URL, pool_size=5, max_overflow=5, pool_recycle=1800)
SessionLocal = sessionmaker(engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class BannedTerm(Base):
    __tablename__ = "banned_terms"
    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(120), unique=True)


class Strike(Base):
    __tablename__ = "strikes"
    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(64), index=True)
    video_id: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(200))


def load_banned_terms():
    with SessionLocal() as session:
        return {t.lower() for t in session.scalars(select(BannedTerm.term))}
