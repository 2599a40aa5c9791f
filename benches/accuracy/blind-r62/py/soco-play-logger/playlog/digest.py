"""Weekly "what we listened to" digest (cron: Sunday 19:00), a one-off process."""
import os

import requests

from playlog.db import make_pool

NTFY_TOPIC = os.environ.get("NTFY_TOPIC", "https://ntfy.sh/family-sonos")


def main():
    pool = make_pool(max_size=1)
    try:
        with pool.connection() as conn:
            top = conn.execute(
                "SELECT artist, count(*) FROM plays"
                " WHERE played_at > now() - interval '7 days' AND artist IS NOT NULL"
                " GROUP BY artist ORDER BY count(*) DESC LIMIT 5"
            ).fetchall()
    finally:
        pool.close()

    lines = [f"{i}. {artist} ({n} plays)" for i, (artist, n) in enumerate(top, 1)]
    with requests.Session() as http:
        http.post(
            NTFY_TOPIC,
            data="\n".join(lines or ["nothing played this week"]).encode(),
            headers={"Title": "Sonos weekly top artists"},
            timeout=10,
        )


if __name__ == "__main__":
    main()
