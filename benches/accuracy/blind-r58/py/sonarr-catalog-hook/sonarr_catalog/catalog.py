"""Media catalog database (Postgres) used by the hook. One connection per hook process."""

import logging
import os
import time

import psycopg

log = logging.getLogger(__name__)


def connect(attempts: int = 4, delay: float = 2.0) -> psycopg.Connection:
    dsn = os.environ.get("CATALOG_DSN", "host=nas.lan dbname=media user=sonarr")
    last_error = None
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg.connect(dsn, connect_timeout=5, application_name="sonarr-hook")
            break
        except psycopg.OperationalError as exc:
            last_error = exc
            log.warning("catalog db not reachable (%d/%d): %s", attempt, attempts, exc)
            time.sleep(delay * attempt)
    else:
        raise RuntimeError(f"catalog database unavailable: {last_error}")
    return conn


def record_import(conn: psycopg.Connection, env: dict) -> None:
    episodes = [int(n) for n in env.get("sonarr_episodefile_episodenumbers", "").split(",") if n]
    with conn.transaction():
        for number in episodes:
            conn.execute(
                "INSERT INTO episode_files (tvdb_id, series, season, episode, path, quality, upgrade) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (tvdb_id, season, episode) DO UPDATE SET path = EXCLUDED.path, "
                "quality = EXCLUDED.quality, upgrade = EXCLUDED.upgrade, imported_at = now()",
                (
                    int(env["sonarr_series_tvdbid"]),
                    env["sonarr_series_title"],
                    int(env["sonarr_episodefile_seasonnumber"]),
                    number,
                    env["sonarr_episodefile_path"],
                    env.get("sonarr_episodefile_quality"),
                    env.get("sonarr_isupgrade") == "True",
                ),
            )


def record_grab(conn: psycopg.Connection, env: dict) -> None:
    with conn.transaction():
        conn.execute(
            "INSERT INTO grabs (series, release_title, indexer, size_bytes, quality) "
            "VALUES (%s, %s, %s, %s, %s)",
            (
                env.get("sonarr_series_title"),
                env.get("sonarr_release_title"),
                env.get("sonarr_release_indexer"),
                int(env.get("sonarr_release_size") or 0),
                env.get("sonarr_release_quality"),
            ),
        )
