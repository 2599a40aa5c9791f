"""SNMP trap receiver: stores every trap and pushes critical ones onto the site's alert stream."""
import json
import logging
import os
import threading

import redis
from pysnmp.carrier.asyncore.dgram import udp
from pysnmp.entity import config, engine
from pysnmp.entity.rfc3413 import ntfrcv
from sqlalchemy import text
from sqlalchemy.orm import Session

from trapdesk.db import make_engine

log = logging.getLogger("trapdesk.receiver")

CRITICAL_OIDS = {
    "1.3.6.1.6.3.1.1.5.3": "linkDown",
    "1.3.6.1.4.1.9.9.41.2.0.1": "ciscoSyslog",
    "1.3.6.1.4.1.318.0.5": "upsOnBattery",
}
SNMP_TRAP_OID = "1.3.6.1.6.3.1.1.4.1.0"


class AlertStreams:
    """One Redis client per site (each site runs its own alerting Redis)."""

    def __init__(self, site_urls: dict[str, str]):
        self._urls = site_urls
        self._clients: dict[str, redis.Redis] = {}
        self._lock = threading.Lock()

    def for_site(self, site: str) -> redis.Redis:
        with self._lock:
            client = self._clients.get(site)
            if client is None:
                client = redis.Redis.from_url(self._urls.get(site, self._urls["default"]))
                self._clients[site] = client
            return client

    def close(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()


class TrapSink:
    def __init__(self, db_engine, alerts: AlertStreams, site_of: dict[str, str]):
        self.engine = db_engine
        self.alerts = alerts
        self.site_of = site_of

    def __call__(self, snmp_engine, state_reference, context_engine_id, context_name, var_binds, cb_ctx):
        _, (source_ip, _) = snmp_engine.msgAndPduDsp.getTransportInfo(state_reference)
        binds = {name.prettyPrint(): value.prettyPrint() for name, value in var_binds}
        trap_oid = binds.get(SNMP_TRAP_OID, "unknown")
        site = self.site_of.get(source_ip, "default")

        with Session(self.engine) as session, session.begin():
            session.execute(
                text(
                    "INSERT INTO traps (source_ip, site, trap_oid, varbinds, received_at) "
                    "VALUES (:ip, :site, :oid, CAST(:vb AS jsonb), now())"
                ),
                {"ip": source_ip, "site": site, "oid": trap_oid, "vb": json.dumps(binds)},
            )

        if trap_oid in CRITICAL_OIDS:
            self.alerts.for_site(site).xadd(
                "alerts:snmp",
                {"source": source_ip, "kind": CRITICAL_OIDS[trap_oid], "oid": trap_oid},
                maxlen=10000,
                approximate=True,
            )


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    db_engine = make_engine(pool_size=3)
    alerts = AlertStreams(json.loads(os.environ.get("SITE_REDIS_URLS", '{"default": "redis://localhost:6379/0"}')))
    site_of = json.loads(os.environ.get("DEVICE_SITES", "{}"))

    snmp_engine = engine.SnmpEngine()
    config.addTransport(
        snmp_engine,
        udp.domainName + (1,),
        udp.UdpTransport().openServerMode(("0.0.0.0", int(os.environ.get("TRAP_PORT", "162")))),
    )
    config.addV1System(snmp_engine, "trapdesk", os.environ.get("TRAP_COMMUNITY", "public"))
    ntfrcv.NotificationReceiver(snmp_engine, TrapSink(db_engine, alerts, site_of))

    snmp_engine.transportDispatcher.jobStarted(1)
    log.info("listening for traps")
    try:
        snmp_engine.transportDispatcher.runDispatcher()
    finally:
        snmp_engine.transportDispatcher.closeDispatcher()
        alerts.close()
        db_engine.dispose()


if __name__ == "__main__":
    main()
