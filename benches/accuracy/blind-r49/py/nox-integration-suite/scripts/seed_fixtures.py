"""Load the shared fixture set into the test database (run by `nox -s tests`)."""
import argparse
import os

import psycopg
import requests

FIXTURE_SERVER = os.environ.get("FIXTURE_SERVER", "https://artifacts.internal.example/fixtures/app")
TABLES = ["customers", "products", "orders", "order_lines"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--version", default="2024.09")
    args = parser.parse_args()

    with requests.Session() as http, psycopg.connect(args.dsn) as conn:
        with conn.cursor() as cur:
            cur.execute("TRUNCATE " + ", ".join(reversed(TABLES)) + " RESTART IDENTITY CASCADE")
            for table in TABLES:
                resp = http.get(f"{FIXTURE_SERVER}/{args.version}/{table}.csv", timeout=30)
                resp.raise_for_status()
                with cur.copy(f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
                    copy.write(resp.content)
                print(f"seeded {table}")


if __name__ == "__main__":
    main()
