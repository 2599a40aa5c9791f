"""Catalog database: engine and session factory for the web app."""
import os

from sqlalchemy import ForeignKey, Integer, Numeric, String, Text, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

CATALOG_DATABASE_URL = os.environ.get(
    "CATALOG_DATABASE_URL", "postgresql+psycopg2://catalog@db.internal:5432/catalog"
)

engine = create_engine(CATALOG_DATABASE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
Session = sessionmaker(engine)


class Base(DeclarativeBase):
    pass


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


class Part(Base):
    __tablename__ = "parts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    part_no: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    list_price: Mapped[float] = mapped_column(Numeric(10, 2))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))


def find_part(session, part_no):
    return session.scalars(select(Part).where(Part.part_no == part_no)).first()


def search_parts(session, term, limit=50):
    stmt = select(Part).where(Part.title.ilike(f"%{term}%")).order_by(Part.part_no).limit(limit)
    return session.scalars(stmt).all()
