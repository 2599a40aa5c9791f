"""One requests.Session for the lifetime of the open Anki profile."""
import threading

import requests

_lock = threading.Lock()
_session = None


def get_session(token: str) -> requests.Session:
    global _session
    with _lock:
        if _session is None:
            s = requests.Session()
            s.headers.update({"Authorization": f"Bearer {token}", "User-Agent": "anki-review-sync/2.1"})
            _session = s
        return _session


def close_session() -> None:
    global _session
    with _lock:
        if _session is not None:
            _session.close()
            _session = None
