from datetime import datetime

from sqlalchemy import DateTime, Float, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from . import settings

engine = create_engine(settings.HISTORIAN_DB_URL, pool_size=5, max_overflow=10)


class Base(DeclarativeBase):
    pass


class Sample(Base):
    __tablename__ = "samples"

    id: Mapped[int] = mapped_column(primary_key=True)
    node_id: Mapped[str] = mapped_column(String(128), index=True)
    value: Mapped[float] = mapped_column(Float)
    source_ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
