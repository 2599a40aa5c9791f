import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

engine = create_engine(
    os.environ.get("GREENHOUSE_DB", "mysql+pymysql://gh:gh@nas.local/greenhouse"),
    pool_size=2,
    max_overflow=1,
    pool_recycle=1800,
    pool_pre_ping=True,
)
Session = sessionmaker(engine)


def record_reading(sensor: str, celsius: float) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO readings (sensor, celsius, taken_at) VALUES (:s, :c, :t)"),
            {"s": sensor, "c": celsius, "t": datetime.now(timezone.utc)},
        )


def save_setpoint(name: str, value: float) -> None:
    with Session.begin() as session:
        session.execute(
            text(
                "INSERT INTO setpoints (name, value, changed_at) VALUES (:n, :v, :t) "
                "ON DUPLICATE KEY UPDATE value = VALUES(value), changed_at = VALUES(changed_at)"
            ),
            {"n": name, "v": value, "t": datetime.now(timezone.utc)},
        )


def load_setpoint(name: str, default: float) -> float:
    with Session() as session:
        value = session.execute(
            text("SELECT value FROM setpoints WHERE name = :n"), {"n": name}
        ).scalar()
    return float(value) if value is not None else default
