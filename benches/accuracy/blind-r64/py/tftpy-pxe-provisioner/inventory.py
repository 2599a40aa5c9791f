"""Hardware inventory lookups (the racks DB)."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["INVENTORY_DB_URL"], pool_size=3, max_overflow=2, pool_pre_ping=True)


def host_by_mac(mac: str):
    with engine.connect() as conn:
        return conn.execute(
            text("""
                SELECT h.hostname, h.role, h.os_image, h.kernel_args, h.rack, n.ip, n.gateway
                  FROM hosts h JOIN nics n ON n.host_id = h.id
                 WHERE n.mac = :mac AND h.provision_state IN ('ready', 'reinstall')
            """),
            {"mac": mac},
        ).mappings().first()
