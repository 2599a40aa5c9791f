"""Clients shared across warm invocations of a function instance.

Vercel reuses the Python process between invocations, so clients are created
once per instance (module import / first use) and never per request.
"""

import os
import threading

import httpx
from pymongo import MongoClient

_mongo = None
_fx = None
_lock = threading.Lock()


def mongo():
    global _mongo
    if _mongo is None:
        with _lock:
            if _mongo is None:
                _mongo = MongoClient(
                    os.environ["MONGODB_URI"],
                    appname="vercel-checkout",
                    maxPoolSize=5,
                    serverSelectionTimeoutMS=4000,
                )
    return _mongo


def orders():
    return mongo()[os.environ.get("MONGODB_DB", "shop")]["orders"]


def fx():
    global _fx
    if _fx is None:
        with _lock:
            if _fx is None:
                _fx = httpx.Client(
                    base_url=os.environ.get("FX_API", "https://api.frankfurter.app"),
                    timeout=3.0,
                )
    return _fx
