"""Clients shared by all jobs running in one Nautobot worker process."""
import os
import threading
from functools import lru_cache

import requests
from arango import ArangoClient
from django.conf import settings

_SN_LOCK = threading.Lock()
_sn_session = None


def _cfg():
    return settings.PLUGINS_CONFIG["nautobot_cmdb_sync"]


@lru_cache(maxsize=1)
def cmdb():
    cfg = _cfg()
    client = ArangoClient(hosts=cfg["arango_url"])
    return client.db(
        cfg["arango_db"],
        username=os.environ.get("ARANGO_USER", "nautobot"),
        password=os.environ.get("ARANGO_PASSWORD", ""),
    )


def servicenow():
    global _sn_session
    if _sn_session is None:
        with _SN_LOCK:
            if _sn_session is None:
                session = requests.Session()
                session.auth = (os.environ.get("SN_USER", ""), os.environ.get("SN_PASSWORD", ""))
                session.headers["Accept"] = "application/json"
                _sn_session = session
    return _sn_session
