import logging
import time

log = logging.getLogger(__name__)

INSERT_SAMPLE = """
    INSERT INTO drive_samples (node_id, ts, velocity_rpm, current_ma, statusword, temperature_c)
    VALUES (%s, to_timestamp(%s), %s, %s, %s, %s)
"""

INSERT_FAULT = "INSERT INTO drive_faults (node_id, ts, error_code, error_register) VALUES (%s, to_timestamp(%s), %s, %s)"


class Recorder:
    """Receives TPDO maps from canopen's receive thread, one call per PDO frame."""

    def __init__(self, pool, cache):
        self.pool = pool
        self.cache = cache
        self.state: dict[int, dict] = {}

    def on_tpdo1(self, pdo_map):
        node_id = pdo_map.pdo_node.node.id
        values = {var.name: var.raw for var in pdo_map}
        st = self.state.setdefault(node_id, {})
        st["statusword"] = values.get("Statusword")
        st["velocity"] = values.get("Velocity actual value")
        self.cache.hset(f"drive:{node_id}", mapping={"statusword": st["statusword"], "rpm": st["velocity"]})

    def on_tpdo2(self, pdo_map):
        node_id = pdo_map.pdo_node.node.id
        values = {var.name: var.raw for var in pdo_map}
        st = self.state.get(node_id, {})
        with self.pool.connection() as conn:
            conn.execute(
                INSERT_SAMPLE,
                (
                    node_id,
                    pdo_map.timestamp or time.time(),
                    st.get("velocity"),
                    values.get("Current actual value"),
                    st.get("statusword"),
                    values.get("Drive temperature"),
                ),
            )

    def on_emcy(self, node_id):
        def handle(entry):
            log.warning("EMCY node %d: %s", node_id, entry)
            with self.pool.connection() as conn:
                conn.execute(INSERT_FAULT, (node_id, entry.timestamp, entry.code, entry.register))
            self.cache.publish("drive-faults", f"{node_id}:{entry.code:04X}")

        return handle
