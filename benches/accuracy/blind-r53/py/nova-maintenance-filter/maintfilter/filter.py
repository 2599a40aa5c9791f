"""MaintenanceWindowFilter.

nova-scheduler builds one instance of every enabled filter when it starts and
then calls host_passes() for each candidate host of each boot / migrate request.
"""
import json

import redis
from nova.scheduler import filters
from oslo_log import log as logging

from maintfilter import store

LOG = logging.getLogger(__name__)

_CACHE_TTL = 60


class MaintenanceWindowFilter(filters.BaseHostFilter):
    """Reject hosts that are (or will soon be) under maintenance."""

    RUN_ON_REBUILD = False

    def _drained(self, cache, hostname):
        return cache.sismember("nova:drained-hosts", hostname)

    def _windows(self, cache, hostname):
        key = "maint-windows:%s" % hostname
        cached = cache.get(key)
        if cached is not None:
            return json.loads(cached)
        windows = [
            {"id": w.id, "starts_at": w.starts_at.isoformat(), "reason": w.reason}
            for w in store.open_windows(hostname)
        ]
        cache.setex(key, _CACHE_TTL, json.dumps(windows))
        return windows

    def host_passes(self, host_state, spec_obj):
        if spec_obj.get_scheduler_hint("ignore_maintenance") == "true":
            return True

        conf = store.CONF.maintenance_filter
        cache = redis.Redis(
            host=conf.redis_host, port=conf.redis_port, socket_timeout=1, decode_responses=True
        )
        hostname = host_state.host
        if self._drained(cache, hostname):
            LOG.debug("%s is drained, rejecting", hostname)
            return False

        windows = self._windows(cache, hostname)
        if windows:
            LOG.info(
                "Rejecting %s for instance %s: maintenance window %s (%s)",
                hostname,
                spec_obj.instance_uuid,
                windows[0]["id"],
                windows[0]["reason"],
            )
            return False
        return True
