"""Database setup. Imported once per gunicorn worker; the engine's pool is
shared by all requests the worker serves."""
import os
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, Numeric, String, create_engine, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker

DATABASE_URL = os.environ.get(
    "LISTINGS_DATABASE_URL", "mysql+pymysql://listings:listings@mysql.internal/listings"
)

engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5, pool_recycle=1800)
Session = sessionmaker(bind=engine)


class Base(DeclarativeBase):
    pass


class Agent(Base):
    __tablename__ = "agents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(200))


class Listing(Base):
    __tablename__ = "listings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    address: Mapped[str] = mapped_column(String(255))
    price: Mapped[float] = mapped_column(Numeric(12, 2))
    bedrooms: Mapped[int] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Numeric(9, 6), nullable=True)
    lng: Mapped[float | None] = mapped_column(Numeric(9, 6), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    agent: Mapped[Agent] = relationship()

    def to_dict(self):
        return {
            "id": self.id,
            "address": self.address,
            "price": float(self.price),
            "bedrooms": self.bedrooms,
            "location": [float(self.lat), float(self.lng)] if self.lat is not None else None,
            "agent": self.agent.name,
        }
