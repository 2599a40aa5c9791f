"""Pool configuration changes seen in successive OSD maps."""
from sqlalchemy import create_engine, text

from . import settings

engine = create_engine(settings.DSN, pool_size=3, max_overflow=0, pool_pre_ping=True)


def record_pool_change(epoch: int, pool: dict) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO pool_changes (epoch, pool_id, name, size, min_size, pg_num) "
                "VALUES (:epoch, :id, :name, :size, :min_size, :pg_num)"
            ),
            {
                "epoch": epoch,
                "id": pool["pool"],
                "name": pool["pool_name"],
                "size": pool["size"],
                "min_size": pool["min_size"],
                "pg_num": pool["pg_num"],
            },
        )
