"""Nagios plugin: replica lag in seconds plus Patroni member state.

Exit codes follow the Nagios plugin API (handled by nagiosplugin).
"""
import argparse
import logging

import nagiosplugin
import psycopg
import requests

_log = logging.getLogger("nagiosplugin")


class ReplicationLag(nagiosplugin.Resource):
    def __init__(self, dsn: str, patroni_url: str, timeout: float):
        self.dsn = dsn
        self.patroni_url = patroni_url.rstrip("/")
        self.timeout = timeout

    def probe(self):
        _log.info("connecting to %s", self.dsn.split("@")[-1])
        with psycopg.connect(self.dsn, connect_timeout=int(self.timeout)) as conn:
            in_recovery, lag = conn.execute(
                "SELECT pg_is_in_recovery(), "
                "COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)"
            ).fetchone()
        if not in_recovery:
            lag = 0.0
        yield nagiosplugin.Metric("lag", float(lag), uom="s", min=0, context="lag")

        with requests.Session() as http:
            http.headers["Accept"] = "application/json"
            resp = http.get(f"{self.patroni_url}/patroni", timeout=self.timeout)
            resp.raise_for_status()
            member = resp.json()
            cluster = http.get(f"{self.patroni_url}/cluster", timeout=self.timeout).json()
        running = sum(1 for m in cluster.get("members", []) if m.get("state") in ("running", "streaming"))
        yield nagiosplugin.Metric("members_running", running, min=0, context="members")
        yield nagiosplugin.Metric("timeline", member.get("timeline", 0), context="null")


class LagSummary(nagiosplugin.Summary):
    def ok(self, results):
        lag = results["lag"].metric.value
        running = results["members_running"].metric.value
        return f"replication lag {lag:.1f}s, {running} members running"


@nagiosplugin.guarded
def main():
    argp = argparse.ArgumentParser(description=__doc__)
    argp.add_argument("--dsn", required=True, help="libpq connection string of the replica")
    argp.add_argument("--patroni", required=True, help="Patroni REST API base URL")
    argp.add_argument("-w", "--warning", default="30", help="lag warning range (seconds)")
    argp.add_argument("-c", "--critical", default="120", help="lag critical range (seconds)")
    argp.add_argument("--min-members", default="2:", help="critical range for running members")
    argp.add_argument("-t", "--timeout", type=float, default=10)
    argp.add_argument("-v", "--verbose", action="count", default=0)
    args = argp.parse_args()

    check = nagiosplugin.Check(
        ReplicationLag(args.dsn, args.patroni, args.timeout),
        nagiosplugin.ScalarContext("lag", args.warning, args.critical),
        nagiosplugin.ScalarContext("members", critical=args.min_members),
        LagSummary(),
    )
    check.main(verbose=args.verbose, timeout=args.timeout + 5)


if __name__ == "__main__":
    main()
