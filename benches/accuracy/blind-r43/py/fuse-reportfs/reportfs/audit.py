import getpass
import logging

from sqlalchemy import create_engine, text

from reportfs.config import DATABASE_URL

log = logging.getLogger(__name__)

_engine = create_engine(DATABASE_URL, pool_pre_ping=True)


def record_read(slug, nbytes):
    try:
        with _engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO report_reads (slug, reader, bytes, read_at) "
                    "VALUES (:slug, :reader, :bytes, now())"
                ),
                {"slug": slug, "reader": getpass.getuser(), "bytes": nbytes},
            )
    except Exception:
        log.exception("could not record read of %s", slug)
