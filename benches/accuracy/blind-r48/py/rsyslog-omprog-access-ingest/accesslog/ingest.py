"""rsyslog omprog program: rsyslog starts it once and keeps feeding one JSON access-log
line per message on stdin; with confirmMessages=on we answer OK after each one."""
import json
import logging
import sys
import time

from sqlalchemy import text

from accesslog.db import make_engine

logging.basicConfig(stream=sys.stderr, level=logging.INFO)
log = logging.getLogger("accesslog.ingest")

INSERT = text(
    "INSERT INTO access_log (ts, vhost, method, path, status, bytes, upstream_ms, client_ip) "
    "VALUES (to_timestamp(:ts), :vhost, :method, :path, :status, :bytes, :upstream_ms, :client_ip)"
)

BATCH_SIZE = 200
FLUSH_SECONDS = 2.0


def parse(line: str):
    doc = json.loads(line)
    return {
        "ts": float(doc["msec"]),
        "vhost": doc.get("host", ""),
        "method": doc.get("request_method", ""),
        "path": doc.get("uri", "")[:2048],
        "status": int(doc.get("status", 0)),
        "bytes": int(doc.get("body_bytes_sent", 0)),
        "upstream_ms": int(float(doc.get("upstream_response_time") or 0) * 1000),
        "client_ip": doc.get("remote_addr"),
    }


def confirm() -> None:
    sys.stdout.write("OK\n")
    sys.stdout.flush()


def main() -> None:
    engine = make_engine(pool_size=1)
    confirm()  # ready

    batch = []
    last_flush = time.monotonic()
    try:
        for line in sys.stdin:
            line = line.strip()
            if line:
                try:
                    batch.append(parse(line))
                except (ValueError, KeyError) as exc:
                    log.warning("skipping malformed line: %s", exc)
            if len(batch) >= BATCH_SIZE or time.monotonic() - last_flush > FLUSH_SECONDS:
                if batch:
                    with engine.begin() as conn:
                        conn.execute(INSERT, batch)
                    batch.clear()
                last_flush = time.monotonic()
            confirm()
    finally:
        if batch:
            with engine.begin() as conn:
                conn.execute(INSERT, batch)
        engine.dispose()


if __name__ == "__main__":
    main()
