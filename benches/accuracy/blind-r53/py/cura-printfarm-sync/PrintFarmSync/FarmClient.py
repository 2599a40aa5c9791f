"""HTTP client for the print-farm API, shared by every Cura signal handler."""
import threading
from concurrent.futures import ThreadPoolExecutor

import requests
from UM.Logger import Logger


class FarmClient:
    def __init__(self, preferences):
        self._preferences = preferences
        self._session = None
        self._lock = threading.Lock()
        # One background thread so Cura's UI thread never blocks on the network.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="printfarm")

    def _http(self):
        with self._lock:
            if self._session is None:
                self._session = requests.Session()
                self._session.headers["User-Agent"] = "PrintFarmSync/1.4 (Cura)"
            self._session.headers["Authorization"] = "Bearer " + str(
                self._preferences.getValue("printfarm/token")
            )
            return self._session

    def _post(self, path, payload):
        url = str(self._preferences.getValue("printfarm/api_url")).rstrip("/") + path
        try:
            resp = self._http().post(url, json=payload, timeout=15)
            if resp.status_code >= 400:
                Logger.log("w", "print farm %s returned %s: %s", path, resp.status_code, resp.text[:200])
        except requests.RequestException as exc:
            Logger.log("w", "print farm %s failed: %s", path, exc)

    def submit(self, path, payload):
        self._executor.submit(self._post, path, payload)

    def close(self):
        self._executor.shutdown(wait=True, cancel_futures=False)
        with self._lock:
            if self._session is not None:
                self._session.close()
                self._session = None
