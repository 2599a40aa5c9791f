from sqlalchemy import Column, DateTime, Integer, String, create_engine, func
from sqlalchemy.orm import declarative_base, sessionmaker

from .settings import DATABASE_URL

engine = create_engine(DATABASE_URL, pool_size=2, max_overflow=0, pool_pre_ping=True)
Session = sessionmaker(engine, expire_on_commit=False)
Base = declarative_base()


class Listen(Base):
    __tablename__ = "listens"

    id = Column(Integer, primary_key=True)
    artist = Column(String, nullable=False)
    title = Column(String, nullable=False)
    album = Column(String)
    mbid = Column(String)
    genre = Column(String)
    seconds = Column(Integer)
    played_at = Column(DateTime(timezone=True), server_default=func.now())
