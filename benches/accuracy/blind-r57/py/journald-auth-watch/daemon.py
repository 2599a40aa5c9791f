"""auth-watch daemon: follows the journal and reacts to auth failures.

Every matching journal entry is classified, recorded through the shared
pool, and repeat offenders are pushed to the edge firewall's block list.
"""
import logging
import os
import signal
import socket

import httpx
from systemd import journal

import rules
import store

log = logging.getLogger("auth-watch")

BLOCK_THRESHOLD = int(os.environ.get("AUTHWATCH_BLOCK_THRESHOLD", "8"))
FIREWALL_API = os.environ.get("FIREWALL_API", "https://edge-fw.internal/api/v2/")


def open_reader(pool):
    reader = journal.Reader()
    reader.log_level(journal.LOG_INFO)
    reader.add_match(SYSLOG_IDENTIFIER="sshd")
    reader.add_disjunction()
    reader.add_match(SYSLOG_IDENTIFIER="sudo")
    cursor = store.load_cursor(pool, socket.gethostname())
    if cursor:
        reader.seek_cursor(cursor)
        reader.get_next()
    else:
        reader.seek_tail()
        reader.get_previous()
    return reader


def block(firewall: httpx.Client, ip: str, failures: int) -> None:
    resp = firewall.post("blocklist", json={
        "ip": ip, "ttl_seconds": 3600,
        "reason": f"auth-watch: {failures} auth failures in 10 min",
    })
    if resp.status_code not in (200, 201, 409):
        log.error("firewall refused block of %s: HTTP %s", ip, resp.status_code)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    running = True

    def stop(*_):
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    pool = store.open_pool(os.environ["AUTHWATCH_DSN"])
    firewall = httpx.Client(
        base_url=FIREWALL_API,
        headers={"Authorization": "Bearer " + os.environ.get("FIREWALL_TOKEN", "")},
        timeout=5.0,
    )
    reader = open_reader(pool)
    try:
        while running:
            if reader.wait(2.0) == journal.NOP:
                continue
            for entry in reader:
                event = rules.classify(entry)
                if event is None:
                    continue
                failures = store.record(pool, event)
                if event.source_ip and failures >= BLOCK_THRESHOLD:
                    block(firewall, event.source_ip, failures)
    finally:
        reader.close()
        firewall.close()
        pool.close()


if __name__ == "__main__":
    main()
