"""Boot audit trail, written to the same racks DB as the inventory."""
import os

from sqlalchemy import create_engine, text

_engine = create_engine(os.environ["INVENTORY_DB_URL"], pool_pre_ping=True)


def record_boot(mac: str, client_ip: str, served: str) -> None:
    with _engine.begin() as conn:
        conn.execute(
            text("INSERT INTO pxe_boots (mac, client_ip, served_file, at) VALUES (:m, :ip, :f, now())"),
            {"m": mac, "ip": client_ip, "f": served},
        )
