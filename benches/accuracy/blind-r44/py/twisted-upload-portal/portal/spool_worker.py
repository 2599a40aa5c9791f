"""Spool worker: registers files the SFTP server drops into the spool dir.

Separate OS process (see Procfile) with its own engine.
"""
import hashlib
import logging
import os
import pwd
import signal

from inotify_simple import INotify, flags
from sqlalchemy import text

from portal.common.db import make_engine, make_sessionmaker

log = logging.getLogger("portal.spool")

SPOOL_DIR = os.environ.get("SPOOL_DIR", "/srv/sftp/incoming")
running = True


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def register(sessions, path):
    owner = pwd.getpwuid(os.stat(path).st_uid).pw_name
    digest = sha256_of(path)
    with sessions.begin() as session:
        session.execute(
            text(
                "INSERT INTO uploads (owner, filename, sha256, size_bytes, status) "
                "VALUES (:owner, :name, :sha, :size, 'pending') ON CONFLICT (sha256) DO NOTHING"
            ),
            {"owner": owner, "name": os.path.basename(path), "sha": digest, "size": os.path.getsize(path)},
        )
    log.info("registered %s for %s", path, owner)


def stop(signum, frame):
    global running
    running = False


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    signal.signal(signal.SIGTERM, stop)
    engine = make_engine(pool_size=1, application_name="portal-spool")
    sessions = make_sessionmaker(engine)

    inotify = INotify()
    inotify.add_watch(SPOOL_DIR, flags.CLOSE_WRITE | flags.MOVED_TO)
    log.info("watching %s", SPOOL_DIR)
    try:
        while running:
            for event in inotify.read(timeout=1000):
                if not event.name or event.name.startswith("."):
                    continue
                try:
                    register(sessions, os.path.join(SPOOL_DIR, event.name))
                except Exception:
                    log.exception("could not register %s", event.name)
    finally:
        inotify.close()
        engine.dispose()


if __name__ == "__main__":
    main()
