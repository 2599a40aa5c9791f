from datetime import datetime

from sqlalchemy import DateTime, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor_id: Mapped[int | None]
    local_path: Mapped[str] = mapped_column(String(1024), unique=True)
    s3_key: Mapped[str] = mapped_column(String(1024))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
