"""One NetBox API object per site, built the first time a host from that site needs it.
Sites in different regions run their own NetBox instance."""
import os
import threading

import pynetbox

SITE_NETBOX = {
    "ams1": "https://netbox-eu.corp.example.com",
    "fra2": "https://netbox-eu.corp.example.com",
    "iad1": "https://netbox-us.corp.example.com",
    "sin1": "https://netbox-ap.corp.example.com",
}

_lock = threading.Lock()
_apis: dict[str, pynetbox.api] = {}


def api_for_site(site: str) -> pynetbox.api:
    url = SITE_NETBOX[site]
    with _lock:
        nb = _apis.get(url)
        if nb is None:
            nb = pynetbox.api(url, token=os.environ["NETBOX_TOKEN"], threading=True)
            _apis[url] = nb
        return nb


def close_all() -> None:
    with _lock:
        for nb in _apis.values():
            nb.http_session.close()
        _apis.clear()
