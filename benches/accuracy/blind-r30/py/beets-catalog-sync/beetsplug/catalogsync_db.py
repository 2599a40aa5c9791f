"""Import log kept in the studio's Postgres so the catalog team can see
what was ingested from which workstation."""
import os
import socket
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, String, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()

engine = create_engine(
    os.environ.get("CATALOG_DB_URL", "postgresql+psycopg2://beets:beets@catalog-db/catalog"),
    pool_size=2,
    max_overflow=2,
)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


class ImportLog(Base):
    __tablename__ = "import_log"

    id = Column(Integer, primary_key=True)
    mb_trackid = Column(String(36), index=True)
    path = Column(String(1024))
    host = Column(String(255))
    imported_at = Column(DateTime(timezone=True))


def record_import(mb_trackid: str, path: str) -> None:
    session = SessionLocal()
    session.add(
        ImportLog(
            mb_trackid=mb_trackid,
            path=path,
            host=socket.gethostname(),
            imported_at=datetime.now(timezone.utc),
        )
    )
    session.commit()


def imported_count() -> int:
    with SessionLocal() as session:
        return session.query(ImportLog).count()
