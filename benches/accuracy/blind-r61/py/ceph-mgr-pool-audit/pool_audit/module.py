import threading
from typing import Dict, Tuple

import requests
from mgr_module import CLIReadCommand, MgrModule, NotifyType

from . import history, settings, store


class Module(MgrModule):
    NOTIFY_TYPES = [NotifyType.osd_map]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._stop = threading.Event()
        self._last_pools: Dict[int, dict] = {}

    def notify(self, notify_type: NotifyType, notify_id: str) -> None:
        if notify_type != NotifyType.osd_map:
            return
        osd_map = self.get("osd_map")
        changed = []
        for pool in osd_map["pools"]:
            prev = self._last_pools.get(pool["pool"])
            key = (pool["size"], pool["min_size"], pool["pg_num"])
            if prev is None or (prev["size"], prev["min_size"], prev["pg_num"]) != key:
                store.record_pool_change(osd_map["epoch"], pool)
                changed.append(pool["pool_name"])
            self._last_pools[pool["pool"]] = pool
        if changed and settings.WEBHOOK:
            with requests.Session() as http:
                http.post(
                    settings.WEBHOOK,
                    json={"text": f"osdmap e{osd_map['epoch']}: pools changed: {', '.join(changed)}"},
                    timeout=5,
                )

    def serve(self) -> None:
        while not self._stop.is_set():
            try:
                history.snapshot(self.get("df"))
            except Exception as exc:
                self.log.warning("pool_audit snapshot failed: %s", exc)
            self._stop.wait(settings.SNAPSHOT_INTERVAL)

    def shutdown(self) -> None:
        self._stop.set()

    @CLIReadCommand("pool-audit history")
    def _history(self, pool: str) -> Tuple[int, str, str]:
        """Show recent capacity snapshots for a pool"""
        lines = [f"{ts:%Y-%m-%d %H:%M}  used={used}  avail={avail}"
                 for ts, used, avail in history.recent(pool)]
        return 0, "\n".join(lines) or "no data", ""
