import logging
import os
import time

import yaml
from pyVim.connect import Disconnect

from vmevents.archive import alert, store
from vmevents.clients import make_pool, open_collectors

log = logging.getLogger("vmevents")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    with open(os.environ.get("VMEVENTS_CONFIG", "/etc/vmevents/vcenters.yaml")) as fh:
        cfg = yaml.safe_load(fh)

    pool = make_pool(os.environ["ARCHIVE_DSN"])
    sessions = open_collectors(
        cfg["vcenters"], os.environ["VC_USER"], os.environ["VC_PASSWORD"], cfg["event_types"]
    )
    alert_types = set(cfg.get("alert_types", []))
    webhook = os.environ.get("ALERT_WEBHOOK")

    try:
        while True:
            for name, (_si, collector) in sessions.items():
                events = collector.ReadNextEvents(500)
                while events:
                    stored = store(pool, name, events)
                    log.info("%s: archived %d events", name, stored)
                    if webhook:
                        for ev in events:
                            if type(ev).__name__ in alert_types:
                                alert(webhook, name, ev)
                    events = collector.ReadNextEvents(500)
            time.sleep(cfg.get("poll_seconds", 30))
    except KeyboardInterrupt:
        pass
    finally:
        for si, collector in sessions.values():
            collector.DestroyCollector()
            Disconnect(si)
        pool.close()


if __name__ == "__main__":
    main()
