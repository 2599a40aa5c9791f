"""Entry point: `python -m auditor.main` (runs as a systemd unit on each host)."""
import logging
import os
import socket
import time

import docker
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from auditor.handlers import handle_event
from auditor.models import Base

log = logging.getLogger("auditor")

DATABASE_URL = os.environ.get("AUDIT_DATABASE_URL", "mysql+pymysql://audit:audit@db.internal/audit")


def wait_for_database(max_attempts: int = 20) -> Engine:
    engine = create_engine(DATABASE_URL, pool_size=2, max_overflow=0, pool_pre_ping=True)
    for attempt in range(1, max_attempts + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            break
        except OperationalError as exc:
            log.warning("audit DB unavailable (%d/%d): %s", attempt, max_attempts, exc.orig)
            time.sleep(min(2 * attempt, 30))
    else:
        engine.dispose()
        raise SystemExit("audit database never became reachable")
    return engine


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    host = os.environ.get("AUDIT_HOSTNAME", socket.gethostname())
    engine = wait_for_database()
    Base.metadata.create_all(engine)
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    http = requests.Session()
    http.headers["User-Agent"] = f"docker-events-auditor/{host}"
    client = docker.from_env(timeout=30)

    since = int(time.time())
    try:
        while True:
            try:
                for event in client.events(decode=True, since=since, filters={"type": "container"}):
                    since = event["time"]
                    handle_event(
                        event,
                        host=host,
                        sessions=sessions,
                        http=http,
                        webhook_url=os.environ.get("ALERT_WEBHOOK_URL"),
                    )
            except (requests.exceptions.ConnectionError, docker.errors.APIError) as exc:
                log.warning("docker event stream dropped (%s); resuming from %s", exc, since)
                time.sleep(2)
    except KeyboardInterrupt:
        pass
    finally:
        client.close()
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
