"""One-off loader: `python -m geodns.import_networks networks.csv`.

Replaces the client_networks table from a CSV of `cidr,region` rows.
"""
import csv
import os
import sys

import psycopg


def load(path: str) -> list[tuple[str, str]]:
    with open(path, newline="") as fh:
        return [(row["cidr"], row["region"]) for row in csv.DictReader(fh)]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: import_networks.py networks.csv", file=sys.stderr)
        return 2
    rows = load(argv[1])
    dsn = os.environ.get("GEODNS_DSN", "postgresql://geodns@localhost/geodns")
    with psycopg.connect(dsn) as conn:
        with conn.cursor() as cur:
            cur.execute("TRUNCATE client_networks")
            with cur.copy("COPY client_networks (network, region) FROM STDIN") as copy:
                for cidr, region in rows:
                    copy.write_row((cidr, region))
        conn.commit()
    print(f"loaded {len(rows)} networks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
