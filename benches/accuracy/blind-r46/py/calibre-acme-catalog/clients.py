"""Shared network clients for the plugin, created lazily once per calibre session."""
import functools
import os
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "vendor"))

import boto3  # noqa: E402
import requests  # noqa: E402

CATALOG_URL = os.environ.get("ACME_CATALOG_URL", "https://catalog.acme-library.org")

_session = None
_session_lock = threading.Lock()


def catalog_session():
    global _session
    with _session_lock:
        if _session is None:
            s = requests.Session()
            s.headers["Authorization"] = f"Token {os.environ.get('ACME_CATALOG_TOKEN', '')}"
            _session = s
        return _session


@functools.lru_cache(maxsize=1)
def covers_bucket_client():
    return boto3.client("s3", region_name=os.environ.get("ACME_COVERS_REGION", "us-east-2"))


def close_all():
    global _session
    with _session_lock:
        if _session is not None:
            _session.close()
            _session = None
