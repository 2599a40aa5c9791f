"""Engineering database (MySQL): export records."""
import datetime as dt
import os

from sqlalchemy import DateTime, Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

ENG_DB_URL = os.environ.get(
    "MECHTOOLS_DB_URL", "mysql+pymysql://fusion:fusion@eng-db.corp.local:3306/engineering"
)

engine = create_engine(ENG_DB_URL, pool_size=3, max_overflow=2, pool_recycle=1800)
Session = sessionmaker(bind=engine)


class Base(DeclarativeBase):
    pass


class StepExport(Base):
    __tablename__ = "step_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    design: Mapped[str] = mapped_column(String(255))
    version: Mapped[int] = mapped_column(Integer)
    s3_key: Mapped[str] = mapped_column(String(512))
    exported_by: Mapped[str] = mapped_column(String(128))
    exported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=dt.datetime.utcnow)


def record_export(design, version, key, user):
    with Session.begin() as session:
        session.add(StepExport(design=design, version=version, s3_key=key, exported_by=user))
