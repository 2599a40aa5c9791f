import hashlib
import os
from pathlib import Path

import requests

MEDIA_DIR = Path(os.environ.get("MEDIA_DIR", "/var/lib/archiver/media"))


def download_attachment(url: str) -> str:
    """Fetch one media attachment to disk; returns the content hash."""
    http = requests.Session()
    http.headers["User-Agent"] = "fedi-archiver/1.4 (+https://archive.example.org)"
    resp = http.get(url, timeout=30, stream=True)
    resp.raise_for_status()
    digest = hashlib.sha256()
    tmp = MEDIA_DIR / f".partial-{os.getpid()}"
    with tmp.open("wb") as fh:
        for chunk in resp.iter_content(64 * 1024):
            digest.update(chunk)
            fh.write(chunk)
    final = MEDIA_DIR / digest.hexdigest()
    tmp.replace(final)
    return digest.hexdigest()
