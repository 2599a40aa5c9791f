import json
import logging

log = logging.getLogger(__name__)

CUSTOMER_SQL = "SELECT segment, lifetime_value_cents FROM customers WHERE id = %s"


class OrderEnricher:
    """nsq message_handler: called once per message on the orders topic."""

    def __init__(self, pool, tenants):
        self.pool = pool
        self.tenants = tenants

    def __call__(self, message) -> bool:
        order = json.loads(message.body)
        with self.pool.connection() as conn:
            row = conn.execute(CUSTOMER_SQL, (order["customer_id"],)).fetchone()
            if row is None:
                log.warning("unknown customer %s", order["customer_id"])
                return True
            segment, ltv = row
            conn.execute(
                "INSERT INTO enriched_orders (order_id, segment, ltv_cents) VALUES (%s, %s, %s) "
                "ON CONFLICT (order_id) DO NOTHING",
                (order["id"], segment, ltv),
            )

        region = self.tenants.get(order["tenant"])
        region.hincrby(f"segment-orders:{segment}", order["tenant"], 1)
        return True
