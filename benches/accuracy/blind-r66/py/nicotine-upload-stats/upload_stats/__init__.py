"""Nicotine+ plug-in. Nicotine+ instantiates Plugin once when the plug-in is
enabled, calls init() after the settings are loaded, then calls the
*_notification / *_event methods for every matching event until the plug-in
is disabled (unloaded_notification) or the client quits (shutdown_notification).
"""
import os

import requests
from psycopg_pool import ConnectionPool
from pynicotine.pluginsystem import BasePlugin


class Plugin(BasePlugin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.settings = {
            "dsn": "postgresql://nicotine@stats.collective.example/uploads",
            "webhook": "",
        }
        self.metasettings = {
            "dsn": {"description": "PostgreSQL connection string", "type": "string"},
            "webhook": {"description": "Milestone webhook URL (optional)", "type": "string"},
        }
        self.pool = None
        self.http = None

    def init(self):
        self.pool = ConnectionPool(
            self.settings["dsn"], min_size=1, max_size=3, open=True, name="upload-stats"
        )
        self.http = requests.Session()
        self.log("upload stats: pool ready")

    def _close(self):
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self.http is not None:
            self.http.close()
            self.http = None

    def unloaded_notification(self):
        self._close()

    def shutdown_notification(self):
        self._close()

    def upload_finished_notification(self, user, virtual_path, real_path):
        try:
            size = os.path.getsize(real_path)
        except OSError:
            size = None
        folder = virtual_path.rsplit("\\", 1)[0]
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO uploads (peer, virtual_path, folder, bytes) VALUES (%s, %s, %s, %s)",
                (user, virtual_path, folder, size),
            )
            total = conn.execute(
                "SELECT count(*) FROM uploads WHERE folder = %s", (folder,)
            ).fetchone()[0]
        if total == 1000 and self.settings["webhook"]:
            try:
                self.http.post(
                    self.settings["webhook"],
                    json={"text": "%s reached 1000 uploads" % folder},
                    timeout=5,
                )
            except requests.RequestException as exc:
                self.log("webhook failed: %s" % exc)

    def incoming_private_chat_event(self, user, line):
        if line.strip() != "!mystats":
            return None
        with self.pool.connection() as conn:
            count, total_bytes = conn.execute(
                "SELECT count(*), coalesce(sum(bytes), 0) FROM uploads WHERE peer = %s", (user,)
            ).fetchone()
        self.send_private(
            user, "You downloaded %d files (%.1f MiB) from us." % (count, total_bytes / 1048576)
        )
        return None
