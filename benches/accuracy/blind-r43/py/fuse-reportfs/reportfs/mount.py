import argparse
import csv
import errno
import io
import logging
import stat
import threading
import time

from fuse import FUSE, FuseOSError, LoggingMixIn, Operations
from sqlalchemy import text

from reportfs import audit, config
from reportfs.db import engine, list_reports


class ReportFS(LoggingMixIn, Operations):
    """/<slug>.csv for every saved report; content is produced on open()."""

    def __init__(self):
        self._lock = threading.Lock()
        self._buffers = {}
        self._next_fh = 1
        self._mounted_at = time.time()
        with engine.connect() as conn:
            self._reports = list_reports(conn)

    def _slug(self, path):
        name = path.lstrip("/")
        if not name.endswith(".csv"):
            raise FuseOSError(errno.ENOENT)
        slug = name[: -len(".csv")]
        if slug not in self._reports:
            raise FuseOSError(errno.ENOENT)
        return slug

    def getattr(self, path, fh=None):
        base = {"st_uid": config.MOUNT_UID, "st_gid": config.MOUNT_GID}
        if path == "/":
            return {**base, "st_mode": stat.S_IFDIR | 0o555, "st_nlink": 2,
                    "st_mtime": self._mounted_at}
        slug = self._slug(path)
        _, mtime = self._reports[slug]
        return {**base, "st_mode": stat.S_IFREG | 0o444, "st_nlink": 1,
                "st_size": 0, "st_mtime": mtime}

    def readdir(self, path, fh):
        conn = engine.connect()
        if path != "/":
            raise FuseOSError(errno.ENOTDIR)
        self._reports = list_reports(conn)
        conn.close()
        return [".", "..", *(f"{slug}.csv" for slug in sorted(self._reports))]

    def open(self, path, flags):
        slug = self._slug(path)
        sql_text, _ = self._reports[slug]
        out = io.StringIO()
        with engine.connect() as conn:
            result = conn.execute(text(sql_text))
            writer = csv.writer(out)
            writer.writerow(result.keys())
            writer.writerows(result)
        data = out.getvalue().encode()
        with self._lock:
            fh = self._next_fh
            self._next_fh += 1
            self._buffers[fh] = (slug, data)
        return fh

    def read(self, path, size, offset, fh):
        _, data = self._buffers[fh]
        return data[offset:offset + size]

    def release(self, path, fh):
        with self._lock:
            slug, data = self._buffers.pop(fh, (None, b""))
        if slug:
            audit.record_read(slug, len(data))
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mountpoint")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO)
    FUSE(ReportFS(), args.mountpoint, foreground=True, ro=True, nothreads=False,
         allow_other=True, direct_io=True)


if __name__ == "__main__":
    main()
