import logging
import time

from psycopg_pool import ConnectionPool
from pyVim.connect import SmartConnect
from pyVmomi import vim

log = logging.getLogger(__name__)


def make_pool(dsn: str) -> ConnectionPool:
    """Called once from main; keeps retrying while the archive DB is still coming up."""
    for attempt in range(1, 11):
        pool = ConnectionPool(dsn, min_size=1, max_size=2, open=False, name="vmevents")
        try:
            pool.open(wait=True, timeout=15)
            return pool
        except Exception:
            pool.close()
            log.warning("archive DB not ready, retry %d/10", attempt)
            time.sleep(5 * attempt)
    raise SystemExit("archive DB unreachable")


def open_collectors(vcenters, user, password, event_types):
    """One ServiceInstance + EventHistoryCollector per configured vCenter."""
    sessions = {}
    for vc in vcenters:
        si = SmartConnect(host=vc["host"], user=user, pwd=password, disableSslCertValidation=True)
        spec = vim.event.EventFilterSpec(eventTypeId=event_types)
        collector = si.RetrieveContent().eventManager.CreateCollectorForEvents(filter=spec)
        collector.SetCollectorPageSize(500)
        sessions[vc["name"]] = (si, collector)
    return sessions
