"""ZooKeeper watches: every flag change pushed by the console lands here."""
import logging
import threading

from flagsync import settings
from flagsync.sync import apply_flags, drop_tenant

log = logging.getLogger(__name__)

_known = set()
_known_lock = threading.Lock()


def _make_data_watcher(tenant):
    def on_flags(data, stat, event=None):
        if data is None:
            # node deleted: returning False cancels this DataWatch
            drop_tenant(tenant)
            return False
        log.info("flags changed for %s (version %s)", tenant, stat.version)
        apply_flags(tenant, data, stat.version)
        return True

    return on_flags


def register_watchers(zk):
    @zk.ChildrenWatch(settings.FLAGS_ROOT)
    def on_tenants(children):
        with _known_lock:
            added = [c for c in children if c not in _known]
            for tenant in added:
                _known.add(tenant)
        for tenant in added:
            path = f"{settings.FLAGS_ROOT}/{tenant}"
            zk.DataWatch(path, _make_data_watcher(tenant))
        return True
