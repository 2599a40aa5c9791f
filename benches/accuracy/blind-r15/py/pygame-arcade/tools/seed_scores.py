"""One-off: load the opening-day high scores from a CSV.  python tools/seed_scores.py scores.csv"""
import csv
import os
import sys

import pymysql


def main(path: str) -> None:
    conn = pymysql.connect(
        host=os.environ.get("SCORES_DB_HOST", "backoffice.local"),
        user="admin",
        password=os.environ["SCORES_DB_ADMIN_PASSWORD"],
        database="arcade",
    )
    try:
        with conn.cursor() as cur, open(path, newline="") as fh:
            rows = [(r["cabinet"], r["initials"], int(r["score"])) for r in csv.DictReader(fh)]
            cur.executemany("INSERT INTO scores (cabinet, initials, score) VALUES (%s, %s, %s)", rows)
        conn.commit()
        print(f"seeded {len(rows)} scores")
    finally:
        conn.close()


if __name__ == "__main__":
    main(sys.argv[1])
