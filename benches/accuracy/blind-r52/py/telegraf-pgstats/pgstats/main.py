"""Telegraf execd input: per-cluster PostgreSQL activity metrics.

Each line read from stdin is one collection request from Telegraf.
"""
import argparse
import sys
import time
import tomllib

import psycopg

from pgstats.connections import ClusterConnections
from pgstats.queries import collect


def load_clusters(path):
    with open(path, "rb") as fh:
        cfg = tomllib.load(fh)
    return {name: c["dsn"] for name, c in cfg.get("clusters", {}).items()}


def log(msg):
    # stderr is forwarded to Telegraf's log; stdout is reserved for metrics
    print(f"pgstats: {msg}", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clusters", required=True)
    args = parser.parse_args()

    clusters = load_clusters(args.clusters)
    conns = ClusterConnections(clusters)
    log(f"collecting from {len(clusters)} clusters")

    try:
        for _signal in sys.stdin:
            now_ns = time.time_ns()
            for name in clusters:
                try:
                    conn = conns.get(name)
                    for line in collect(conn, name, now_ns):
                        sys.stdout.write(line + "\n")
                except psycopg.Error as exc:
                    log(f"{name}: {exc}")
                    conns.discard(name)
            sys.stdout.flush()
    finally:
        conns.close_all()


if __name__ == "__main__":
    main()
