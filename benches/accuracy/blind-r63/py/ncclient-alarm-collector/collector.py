"""Subscribe to NETCONF notifications (RFC 5277) of one router and store alarms.

One process per router (systemd template unit alarm-collector@<host>).
The main loop handles one notification per iteration for weeks at a time.
"""
import logging
import os
import signal
import sys
import time

import requests
from ncclient import manager
from ncclient.transport.errors import AuthenticationError, SSHError
from psycopg_pool import ConnectionPool

import store
from alarms import parse_alarm

log = logging.getLogger("alarm-collector")

running = True


def _stop(*_):
    global running
    running = False


def connect_router(host: str, attempts: int = 10) -> manager.Manager:
    delay = 5
    for attempt in range(1, attempts + 1):
        try:
            return manager.connect(
                host=host,
                port=830,
                username=os.environ["NETCONF_USER"],
                key_filename=os.environ["NETCONF_KEY"],
                hostkey_verify=False,
                device_params={"name": "iosxr"},
                timeout=30,
            )
        except (SSHError, AuthenticationError, OSError) as exc:
            log.warning("connect to %s failed (%s), attempt %d/%d", host, exc, attempt, attempts)
            time.sleep(delay)
            delay = min(delay * 2, 120)
    sys.exit(f"giving up on {host}")


def main() -> None:
    host = sys.argv[1]
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)

    pool = ConnectionPool(os.environ["NOC_DSN"], min_size=1, max_size=2, open=False)
    pool.open(wait=True, timeout=60)
    netbox = requests.Session()
    netbox.headers["Authorization"] = f"Token {os.environ['NETBOX_TOKEN']}"
    site = store.site_for(netbox, host)

    mgr = connect_router(host)
    mgr.create_subscription(stream_name="NETCONF")
    log.info("subscribed to %s (site %s)", host, site)
    try:
        while running and mgr.connected:
            notification = mgr.take_notification(block=True, timeout=30)
            if notification is None:
                continue
            alarm = parse_alarm(notification.notification_ele)
            if alarm is None:
                continue
            store.save_alarm(pool, host, site, alarm)
    finally:
        if mgr.connected:
            mgr.close_session()
        netbox.close()
        pool.close()


if __name__ == "__main__":
    main()
