"""Relay JSON alerts from stdin to Apprise targets.

    journalctl -f -o json -u 'backup-*' | python relay.py

Long-running: one Apprise notify() per JSON line (per alert).
"""
import json
import logging
import sys
from pathlib import Path

import apprise

from audit_store import close_pool

log = logging.getLogger("alert-relay")

HERE = Path(__file__).resolve().parent

LEVELS = {
    "0": apprise.NotifyType.FAILURE,
    "1": apprise.NotifyType.FAILURE,
    "2": apprise.NotifyType.FAILURE,
    "3": apprise.NotifyType.FAILURE,
    "4": apprise.NotifyType.WARNING,
}


def build_apprise() -> apprise.Apprise:
    asset = apprise.AppriseAsset(plugin_paths=[str(HERE / "plugins")])
    config = apprise.AppriseConfig(asset=asset)
    config.add(str(HERE / "apprise.yml"))
    apobj = apprise.Apprise(asset=asset)
    apobj.add(config)
    return apobj


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    sys.path.insert(0, str(HERE))
    apobj = build_apprise()
    try:
        for line in sys.stdin:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            priority = entry.get("PRIORITY", "6")
            if priority not in LEVELS:
                continue
            ok = apobj.notify(
                title=f"{entry.get('_HOSTNAME', '?')}: {entry.get('SYSLOG_IDENTIFIER', 'unit')}",
                body=entry.get("MESSAGE", ""),
                notify_type=LEVELS[priority],
                tag="ops",
            )
            if not ok:
                log.warning("at least one target rejected the alert")
    finally:
        close_pool()


if __name__ == "__main__":
    main()
