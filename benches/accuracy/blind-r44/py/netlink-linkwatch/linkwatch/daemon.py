"""Netlink monitor: one message per link / address change on this box."""
import logging
import os

import httpx
from pyroute2 import IPRoute

from linkwatch import store
from linkwatch.reporter import LinkReporter

log = logging.getLogger("linkwatch")

ALERT_URL = os.environ.get("LINKWATCH_ALERT_URL", "https://events.pagerduty.example/v2/enqueue")


def dispatch(reporter, msg):
    event = msg["event"]
    if event in ("RTM_NEWLINK", "RTM_DELLINK"):
        reporter.link(
            event,
            msg.get_attr("IFLA_IFNAME"),
            msg["index"],
            msg.get_attr("IFLA_OPERSTATE"),
            msg.get_attr("IFLA_CARRIER"),
        )
    elif event in ("RTM_NEWADDR", "RTM_DELADDR"):
        reporter.addr(event, msg["index"], msg.get_attr("IFA_ADDRESS"), msg["prefixlen"])


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    conn = store.connect_with_retry()
    http = httpx.Client(timeout=5.0)
    reporter = LinkReporter(conn, http, ALERT_URL)

    try:
        with IPRoute() as ipr:
            ipr.bind()
            log.info("listening for netlink events")
            while True:
                for msg in ipr.get():
                    reporter.conn = store.ensure_alive(reporter.conn)
                    try:
                        dispatch(reporter, msg)
                    except Exception:
                        log.exception("failed to record %s", msg.get("event"))
                        if not reporter.conn.closed:
                            reporter.conn.rollback()
    except KeyboardInterrupt:
        pass
    finally:
        http.close()
        reporter.conn.close()


if __name__ == "__main__":
    main()
