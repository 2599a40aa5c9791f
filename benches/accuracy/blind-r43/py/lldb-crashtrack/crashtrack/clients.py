"""Lazily created clients shared by every command and breakpoint callback in
this LLDB session (one embedded interpreter per lldb process)."""
import atexit
import os
import threading

import requests
from pymongo import MongoClient

MONGO_URL = os.environ.get("CRASHTRACK_MONGO", "mongodb://qa-mongo.internal:27017/?replicaSet=qa")
TRIAGE_URL = os.environ.get("CRASHTRACK_TRIAGE", "https://triage.qa.internal/api/crashes")

_lock = threading.Lock()
_mongo = None
_http = None


def mongo():
    global _mongo
    if _mongo is None:
        with _lock:
            if _mongo is None:
                _mongo = MongoClient(MONGO_URL, serverSelectionTimeoutMS=3000, appname="crashtrack")
    return _mongo


def http():
    global _http
    if _http is None:
        with _lock:
            if _http is None:
                session = requests.Session()
                session.headers["User-Agent"] = "crashtrack-lldb/0.6"
                _http = session
    return _http


@atexit.register
def _close():
    if _http is not None:
        _http.close()
    if _mongo is not None:
        _mongo.close()
