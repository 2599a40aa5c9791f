"""One-off admin script: delete hub users who have not logged in for N days."""

import argparse
import os

import httpx
import psycopg


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    conn = psycopg.connect(os.environ["HUB_AUDIT_DSN"], application_name="labauth-prune")
    try:
        rows = conn.execute(
            "SELECT username FROM logins GROUP BY username "
            "HAVING max(at) < now() - make_interval(days => %s)",
            (args.days,),
        ).fetchall()
    finally:
        conn.close()

    stale = [r[0] for r in rows]
    print(f"{len(stale)} inactive users")
    if args.dry_run or not stale:
        return

    with httpx.Client(
        base_url=os.environ.get("HUB_API_URL", "http://127.0.0.1:8081/hub/api"),
        headers={"Authorization": f"token {os.environ['HUB_API_TOKEN']}"},
        timeout=30.0,
    ) as hub:
        for username in stale:
            resp = hub.delete(f"/users/{username}")
            print(username, resp.status_code)


if __name__ == "__main__":
    main()
