"""Nightly running-config backup (cron, one process per run).

For every device in the inventory: fetch the running config with NAPALM,
and when it changed since the last run, store it in the config catalog and
commit it to the netops Gitea repository.
"""
import argparse
import base64
import hashlib
import logging
import os
import sys
import time

import requests
import yaml
from napalm import get_network_driver
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger("netbackup")
GITEA = os.environ.get("GITEA_URL", "https://git.netops.example")
REPO = os.environ.get("GITEA_REPO", "netops/running-configs")


def connect_catalog(url, attempts=4):
    """Retry until the catalog answers, then return the one engine for this run."""
    engine = create_engine(url, pool_size=1, max_overflow=0, pool_pre_ping=True)
    for attempt in range(1, attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except OperationalError as exc:
            if attempt == attempts:
                engine.dispose()
                raise
            log.warning("catalog unavailable (%s), retry %d", exc, attempt)
            time.sleep(10 * attempt)
    return engine


def fetch_config(dev):
    driver = get_network_driver(dev["platform"])
    with driver(
        hostname=dev["host"],
        username=os.environ["NET_USER"],
        password=os.environ["NET_PASSWORD"],
        timeout=30,
        optional_args={"secret": os.environ.get("NET_ENABLE", "")},
    ) as device:
        return device.get_config(retrieve="running")["running"]


def push_to_gitea(gitea, host, config, message):
    path = "%s/api/v1/repos/%s/contents/%s.cfg" % (GITEA, REPO, host)
    current = gitea.get(path, timeout=15)
    body = {"content": base64.b64encode(config.encode()).decode(), "message": message}
    if current.status_code == 200:
        body["sha"] = current.json()["sha"]
        gitea.put(path, json=body, timeout=15).raise_for_status()
    else:
        gitea.post(path, json=body, timeout=15).raise_for_status()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inventory", default="inventory.yaml")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    with open(args.inventory) as fh:
        devices = yaml.safe_load(fh)["devices"]

    engine = connect_catalog(os.environ["NETCFG_DB_URL"])
    failures = 0
    with requests.Session() as gitea:
        gitea.headers["Authorization"] = "token " + os.environ["GITEA_TOKEN"]
        try:
            for dev in devices:
                try:
                    config = fetch_config(dev)
                except Exception as exc:
                    log.error("%s: backup failed: %s", dev["host"], exc)
                    failures += 1
                    continue
                digest = hashlib.sha256(config.encode()).hexdigest()
                with engine.begin() as conn:
                    last = conn.execute(
                        text("SELECT sha256 FROM configs WHERE host = :h ORDER BY taken_at DESC LIMIT 1"),
                        {"h": dev["host"]},
                    ).scalar_one_or_none()
                    if last == digest:
                        log.info("%s: unchanged", dev["host"])
                        continue
                    conn.execute(
                        text("INSERT INTO configs (host, taken_at, sha256, body) VALUES (:h, now(), :d, :b)"),
                        {"h": dev["host"], "d": digest, "b": config},
                    )
                push_to_gitea(gitea, dev["host"], config, "nightly backup %s" % time.strftime("%Y-%m-%d"))
                log.info("%s: stored %s", dev["host"], digest[:12])
        finally:
            engine.dispose()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
