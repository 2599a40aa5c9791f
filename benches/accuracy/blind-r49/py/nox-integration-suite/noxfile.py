"""Developer and CI sessions. `nox -s tests` runs each session once per invocation."""
import os
import subprocess
import time
from pathlib import Path

import boto3
import nox
import psycopg

nox.options.sessions = ["lint", "tests"]
nox.options.reuse_existing_virtualenvs = True

TEST_DSN = os.environ.get("TEST_DATABASE_URL", "postgresql://app:app@localhost:5433/app_test")


def wait_for_postgres(session: nox.Session, dsn: str, attempts: int = 30) -> None:
    """docker compose starts Postgres in the background; poll until it accepts connections."""
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg.connect(dsn, connect_timeout=2)
        except psycopg.OperationalError:
            session.log(f"postgres not ready yet ({attempt}/{attempts})")
            time.sleep(1)
            continue
        conn.close()
        return
    session.error(f"postgres at {dsn} never became ready")


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", "src", "tests", "scripts")


@nox.session(python=["3.11", "3.12"])
def tests(session: nox.Session) -> None:
    session.install("-r", "requirements.txt")
    session.install("-e", ".")
    session.run("docker", "compose", "up", "-d", "postgres", external=True)
    wait_for_postgres(session, TEST_DSN)
    session.run("python", "scripts/seed_fixtures.py", "--dsn", TEST_DSN)
    session.run("pytest", "-q", "--cov=src", "--cov-report=html", *session.posargs, env={"DATABASE_URL": TEST_DSN})


@nox.session(python=False)
def publish_coverage(session: nox.Session) -> None:
    """CI only: upload htmlcov/ for the current commit."""
    bucket = os.environ["COVERAGE_BUCKET"]
    sha = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], text=True).strip()
    root = Path("htmlcov")
    if not root.is_dir():
        session.error("run `nox -s tests` first")

    s3 = boto3.client("s3")
    try:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                s3.upload_file(str(path), bucket, f"coverage/{sha}/{path.relative_to(root)}")
    finally:
        s3.close()
    session.log(f"coverage published to s3://{bucket}/coverage/{sha}/index.html")
