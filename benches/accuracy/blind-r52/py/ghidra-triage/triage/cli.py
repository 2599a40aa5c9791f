"""ghidra-triage: analyse a directory of samples once and store the results.

Invoked by an analyst (or a nightly cron) as a one-off batch job:
    ghidra-triage /cases/2024-117/samples --case 2024-117
"""
import argparse
import json
import logging
import os
import time
from pathlib import Path

import psycopg
import pyhidra
import requests

from triage.features import extract

log = logging.getLogger("ghidra-triage")

DSN = os.environ.get("TRIAGE_DSN", "postgresql://triage@intel-db.internal/triage")
VT_URL = "https://www.virustotal.com/api/v3/files/{}"


def connect_db(dsn, attempts=5):
    """Retry only while the DB container is still starting; returns one connection."""
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg.connect(dsn, connect_timeout=5)
            break
        except psycopg.OperationalError as exc:
            log.warning("db not reachable (%s), attempt %d/%d", exc, attempt, attempts)
            time.sleep(2 * attempt)
    else:
        raise SystemExit("database unavailable")
    return conn


def vt_verdict(http, sha256):
    resp = http.get(VT_URL.format(sha256), timeout=20)
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    stats = resp.json()["data"]["attributes"]["last_analysis_stats"]
    return f"{stats['malicious']}/{sum(stats.values())}"


def main():
    parser = argparse.ArgumentParser(prog="ghidra-triage")
    parser.add_argument("samples", type=Path)
    parser.add_argument("--case", required=True)
    parser.add_argument("--project-dir", type=Path, default=Path("/tmp/ghidra-triage"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    pyhidra.start()
    paths = sorted(p for p in args.samples.iterdir() if p.is_file())

    with connect_db(DSN) as conn, requests.Session() as http:
        http.headers["x-apikey"] = os.environ["VT_API_KEY"]
        for path in paths:
            log.info("analysing %s", path.name)
            with pyhidra.open_program(
                path,
                project_location=args.project_dir,
                project_name=f"case-{args.case}",
                analyze=True,
            ) as flat_api:
                features = extract(flat_api)
            verdict = vt_verdict(http, features["sha256"])
            conn.execute(
                "INSERT INTO samples (case_id, file_name, sha256, features, vt_verdict) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (case_id, sha256) DO UPDATE "
                "SET features = EXCLUDED.features, vt_verdict = EXCLUDED.vt_verdict",
                (args.case, path.name, features["sha256"], json.dumps(features), verdict),
            )
            conn.commit()
    log.info("stored %d samples for case %s", len(paths), args.case)


if __name__ == "__main__":
    main()
