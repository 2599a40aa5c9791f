"""One-off: create the ClickHouse table the export writes to."""
import argparse

import clickhouse_connect

DDL = """
CREATE TABLE IF NOT EXISTS {table} (
    ts DateTime64(3, 'UTC'),
    host LowCardinality(String),
    plugin LowCardinality(String),
    metric LowCardinality(String),
    value Float64
) ENGINE = MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (host, plugin, metric, ts)
TTL toDateTime(ts) + INTERVAL 90 DAY
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--user", default="default")
    parser.add_argument("--password", default="")
    parser.add_argument("--database", default="metrics")
    parser.add_argument("--table", default="glances_points")
    args = parser.parse_args()

    client = clickhouse_connect.get_client(
        host=args.host, port=args.port, username=args.user, password=args.password
    )
    try:
        client.command(f"CREATE DATABASE IF NOT EXISTS {args.database}")
        client.command(DDL.format(table=f"{args.database}.{args.table}"))
        print(f"{args.database}.{args.table} ready")
    finally:
        client.close()


if __name__ == "__main__":
    main()
