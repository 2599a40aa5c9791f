"""ERP staging database (Postgres) used by BOM Sync."""
import datetime as dt
import os

from sqlalchemy import Column, DateTime, Integer, String, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

ERP_DB_URL = os.environ.get("BOMSYNC_DB_URL", "postgresql+psycopg2://bomsync@erp-db:5432/staging")

engine = create_engine(ERP_DB_URL, pool_size=2, max_overflow=0, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)

Base = declarative_base()


class BomLine(Base):
    __tablename__ = "cad_bom_lines"

    id = Column(Integer, primary_key=True)
    assembly = Column(String(200), nullable=False, index=True)
    part_number = Column(String(64), nullable=False)
    quantity = Column(Integer, nullable=False)
    pushed_at = Column(DateTime, nullable=False, default=dt.datetime.utcnow)


def replace_bom(assembly, lines):
    """Replace the staged BOM of ``assembly`` (used by the Push command)."""
    with SessionLocal() as session, session.begin():
        session.query(BomLine).filter(BomLine.assembly == assembly).delete()
        session.add_all(BomLine(assembly=assembly, part_number=pn, quantity=q) for pn, q in lines)


def record_saved_bom(assembly, lines):
    """Append a snapshot of the BOM every time the file is saved."""
    session = SessionLocal()
    if not lines:
        # empty documents (sketch-only files) have nothing to stage
        return 0
    for pn, qty in lines:
        session.add(BomLine(assembly=assembly, part_number=pn, quantity=qty))
    session.commit()
    session.close()
    return len(lines)
