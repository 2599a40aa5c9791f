"""Lab results DB and upload helpers. Everything here is opened once per session."""
import os
import time

import psycopg
import requests

LAB_DSN = os.environ.get("LAB_DSN", "host=labdb.psych.acme.edu dbname=experiments user=booth3")
ARCHIVE_URL = os.environ.get("LAB_ARCHIVE_URL", "https://archive.psych.acme.edu/api/sessions")


def open_results_db(retries: int = 5) -> psycopg.Connection:
    # The booth PCs come up before the lab server after a power cut: wait for it.
    for attempt in range(1, retries + 1):
        try:
            conn = psycopg.connect(LAB_DSN, connect_timeout=3)
            break
        except psycopg.OperationalError:
            if attempt == retries:
                raise
            time.sleep(3 * attempt)
    return conn


def new_archive_session() -> requests.Session:
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {os.environ.get('LAB_ARCHIVE_TOKEN', '')}"
    return s
