from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(primary_key=True)
    badge_uid: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str]
    active: Mapped[bool] = mapped_column(default=True)


class Punch(Base):
    __tablename__ = "punches"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    kiosk: Mapped[str] = mapped_column(String(40))
    direction: Mapped[str] = mapped_column(String(3))
    punched_at: Mapped[datetime]
