"""Firmware audit: ask every switch for its version, compare with NetBox, store the result.

    python audit.py --filter-role access
"""
import argparse
import datetime as dt
import os
import re

import psycopg
import requests
from nornir import InitNornir
from nornir.core.filter import F
from nornir.core.task import Result, Task
from nornir_netmiko.tasks import netmiko_send_command

import netbox_sites

VERSION_RE = re.compile(r"Version\s+([\w.()-]+)")


def collect_version(task: Task, advisories: dict) -> Result:
    out = task.run(task=netmiko_send_command, command_string="show version").result
    match = VERSION_RE.search(out)
    running = match.group(1) if match else "unknown"

    nb = netbox_sites.api_for_site(task.host.data["site"])
    device = nb.dcim.devices.get(name=task.host.name)
    expected = device.custom_fields.get("target_firmware") if device else None
    return Result(
        host=task.host,
        result={
            "running": running,
            "expected": expected,
            "advisory": advisories.get(running),
        },
    )


def fetch_advisories(http: requests.Session) -> dict:
    resp = http.get(os.environ.get("ADVISORY_FEED", "https://psirt.example.com/api/advisories"), timeout=20)
    resp.raise_for_status()
    return {a["version"]: a["id"] for a in resp.json()["advisories"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--filter-role", default=None)
    args = parser.parse_args()

    nr = InitNornir(config_file="config.yaml")
    if args.filter_role:
        nr = nr.filter(F(role=args.filter_role))

    with requests.Session() as http:
        advisories = fetch_advisories(http)

    try:
        results = nr.run(task=collect_version, name="firmware audit", advisories=advisories)
    finally:
        netbox_sites.close_all()

    audited_at = dt.datetime.now(dt.timezone.utc)
    with psycopg.connect(os.environ.get("AUDIT_DSN", "host=netops-db dbname=netops user=audit")) as conn:
        with conn.cursor() as cur:
            for host, multi in results.items():
                if multi.failed:
                    cur.execute(
                        "INSERT INTO firmware_audit (host, audited_at, failed) VALUES (%s, %s, true)",
                        (host, audited_at),
                    )
                    continue
                r = multi[0].result
                cur.execute(
                    "INSERT INTO firmware_audit (host, audited_at, running, expected, advisory) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    (host, audited_at, r["running"], r["expected"], r["advisory"]),
                )
    print(f"audited {len(results)} hosts, {len(results.failed_hosts)} failed")


if __name__ == "__main__":
    main()
