import logging

from dragonfly import Choice, Function, IntegerRef, MappingRule

from .services import Services

log = logging.getLogger(__name__)

SERVICES = {
    "billing": "billing-api",
    "checkout": "checkout",
    "search": "search-gateway",
    "payments": "payments-core",
    "login": "auth",
}


class OpsRule(MappingRule):
    """Each spoken command runs one of the bound methods below (once per utterance)."""

    def __init__(self, services: Services, say):
        self.services = services
        self.say = say
        MappingRule.__init__(
            self,
            name="ops",
            mapping={
                "status <service>": Function(self.status),
                "open incidents": Function(self.open_incidents),
                "acknowledge incident <n>": Function(self.acknowledge),
                "error rate <service>": Function(self.error_rate),
            },
            extras=[Choice("service", SERVICES), IntegerRef("n", 1, 10000)],
        )

    def status(self, service):
        r = self.services.status_api.get(f"/services/{service}")
        if r.status_code != 200:
            self.say(f"I could not get the status of {service}")
            return
        self.say(f"{service} is {r.json()['state']}")

    def open_incidents(self):
        with self.services.pool.connection() as conn:
            rows = conn.execute(
                "SELECT id, service FROM incidents WHERE status = 'open' ORDER BY severity, opened_at LIMIT 3"
            ).fetchall()
        if not rows:
            self.say("No open incidents")
            return
        self.say(". ".join(f"incident {i} on {svc}" for i, svc in rows))

    def acknowledge(self, n):
        with self.services.pool.connection() as conn:
            cur = conn.execute(
                "UPDATE incidents SET status = 'acknowledged', acked_by = 'noc-wall' WHERE id = %s AND status = 'open'",
                (n,),
            )
        self.say(f"Incident {n} acknowledged" if cur.rowcount else f"Incident {n} is not open")

    def error_rate(self, service):
        r = self.services.status_api.get(f"/services/{service}/error-rate", params={"window": "5m"})
        rate = r.json().get("rate", 0.0) if r.status_code == 200 else None
        self.say("no data" if rate is None else f"{service} error rate {rate * 100:.1f} percent")
