import logging
import os

import requests
from azure.storage.blob import BlobServiceClient
from circus.plugins import CircusPlugin

from crashwatch import alerts, state

logger = logging.getLogger("circus.crashwatch")

AZURE_CONN_STR = os.environ.get("CRASHWATCH_BLOB_CONN_STR", "")
CONTAINER = "crash-logs"


class CrashWatch(CircusPlugin):
    """Loaded by circusd as a separate process; handle_recv runs for every pub/sub event."""

    name = "crashwatch"

    def __init__(self, *args, **config):
        super().__init__(*args, **config)
        self.alert_webhook = config.get("alert_webhook")
        self.log_dir = config.get("log_dir", "/var/log")
        self.http = None

    def handle_init(self):
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "circus-crashwatch"

    def handle_stop(self):
        if self.http is not None:
            self.http.close()

    def handle_recv(self, data):
        watcher_name, action, msg = self.split_data(data)
        info = self.load_message(msg)
        pid = info.get("process_pid")
        if action not in ("spawn", "reap", "kill"):
            return
        exit_code = info.get("exit_code")
        state.record_event(watcher_name, action, pid, exit_code)
        if action == "reap" and exit_code not in (None, 0):
            self._ship_stderr(watcher_name, pid)
            if alerts.is_crash_looping(watcher_name):
                self._page(watcher_name)

    def _ship_stderr(self, watcher_name, pid):
        path = os.path.join(self.log_dir, f"{watcher_name}.err.log")
        if not os.path.exists(path):
            return
        blobs = BlobServiceClient.from_connection_string(AZURE_CONN_STR)
        blob = blobs.get_blob_client(container=CONTAINER, blob=f"{watcher_name}/{pid}.log")
        with open(path, "rb") as fh:
            fh.seek(max(0, os.path.getsize(path) - 64 * 1024))
            blob.upload_blob(fh.read(), overwrite=True)

    def _page(self, watcher_name):
        if not self.alert_webhook:
            return
        try:
            self.http.post(self.alert_webhook, json={"watcher": watcher_name, "reason": "crash-loop"}, timeout=5)
        except requests.RequestException:
            logger.exception("alert webhook failed")
