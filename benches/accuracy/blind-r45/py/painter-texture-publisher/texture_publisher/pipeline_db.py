"""Connection helper for the pipeline database."""
import os

import psycopg2

PIPELINE_DSN = os.environ.get(
    "PIPELINE_DSN", "host=pipeline-db.studio dbname=pipeline user=painter password=painter"
)


def connect():
    conn = psycopg2.connect(PIPELINE_DSN, connect_timeout=5, application_name="painter-publisher")
    conn.autocommit = True
    return conn


def project_key(path):
    return os.path.splitext(os.path.basename(path))[0]
