import os

from sqlalchemy import Column, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

DB_URL = os.environ.get("KARMA_DB_URL", "postgresql+psycopg2://karma:karma@db.lan:5432/karma")

engine = create_engine(
    DB_URL,
    pool_size=10,
    max_overflow=-1,
    pool_pre_ping=True,
)
Base = declarative_base()


class Karma(Base):
    __tablename__ = "karma"
    nick = Column(String(64), primary_key=True)
    channel = Column(String(64), primary_key=True)
    score = Column(Integer, nullable=False, default=0)


def bump(channel, nick, delta):
    session = Session(engine)
    row = session.get(Karma, (nick.lower(), channel))
    if row is None:
        row = Karma(nick=nick.lower(), channel=channel, score=0)
        session.add(row)
    row.score += delta
    session.commit()
    return row.score


def top(channel, limit=5):
    with Session(engine) as session:
        rows = session.scalars(
            select(Karma).where(Karma.channel == channel).order_by(Karma.score.desc()).limit(limit)
        )
        return [(r.nick, r.score) for r in rows]
