"""Read access to the ops maintenance calendar (MySQL)."""
import datetime

from oslo_config import cfg
from sqlalchemy import Column, DateTime, Integer, String, create_engine, select
from sqlalchemy.orm import declarative_base, sessionmaker

CONF = cfg.CONF

opts = [
    cfg.StrOpt("connection", secret=True, help="SQLAlchemy URL of the maintenance DB"),
    cfg.StrOpt("redis_host", default="localhost"),
    cfg.PortOpt("redis_port", default=6379),
    cfg.IntOpt("lookahead_minutes", default=120),
]
CONF.register_opts(opts, group="maintenance_filter")

Base = declarative_base()


class MaintenanceWindow(Base):
    __tablename__ = "maintenance_windows"

    id = Column(Integer, primary_key=True)
    hostname = Column(String(255), index=True, nullable=False)
    starts_at = Column(DateTime, nullable=False)
    ends_at = Column(DateTime, nullable=False)
    reason = Column(String(512))
    state = Column(String(32), default="scheduled")


_engine = None
Session = sessionmaker()


def configure():
    global _engine
    if _engine is None:
        _engine = create_engine(
            CONF.maintenance_filter.connection, pool_size=2, max_overflow=2, pool_recycle=1800
        )
        Session.configure(bind=_engine)


def open_windows(hostname):
    configure()
    session = Session()
    horizon = datetime.datetime.utcnow() + datetime.timedelta(
        minutes=CONF.maintenance_filter.lookahead_minutes
    )
    stmt = (
        select(MaintenanceWindow)
        .where(MaintenanceWindow.hostname == hostname)
        .where(MaintenanceWindow.state.in_(("scheduled", "active")))
        .where(MaintenanceWindow.starts_at <= horizon)
        .where(MaintenanceWindow.ends_at >= datetime.datetime.utcnow())
    )
    return list(session.scalars(stmt))
