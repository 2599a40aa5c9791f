import logging

import gi

gi.require_version("Nautilus", "4.0")
gi.require_version("Gdk", "4.0")
from gi.repository import Gdk, GObject, Nautilus  # noqa: E402

import requests  # noqa: E402

from syncstatus import clients, config  # noqa: E402

log = logging.getLogger("syncstatus")

EMBLEMS = {
    "synced": "emblem-default",
    "pending": "emblem-synchronizing",
    "conflict": "emblem-important",
}


class SyncStatusExtension(GObject.GObject, Nautilus.InfoProvider, Nautilus.MenuProvider):
    def __init__(self):
        super().__init__()
        self._cache = clients.status_cache

    def _local_path(self, file):
        if file.get_uri_scheme() != "file":
            return None
        path = file.get_location().get_path()
        if not path or not path.startswith(config.SYNC_ROOT):
            return None
        return path

    # called by Nautilus for every file it displays
    def update_file_info(self, file):
        path = self._local_path(file)
        if path is None:
            return
        key = f"syncstatus:{path}"
        state = self._cache.get(key)
        if state is None:
            api = requests.Session()
            api.headers["Authorization"] = f"Bearer {config.API_TOKEN}"
            try:
                resp = api.get(
                    f"{config.API_URL}/v1/files/status",
                    params={"key": clients.object_key(path)},
                    timeout=2,
                )
                state = resp.json()["state"] if resp.ok else "unknown"
            except requests.RequestException:
                state = "unknown"
            self._cache.setex(key, 60, state)
        emblem = EMBLEMS.get(state)
        if emblem:
            file.add_emblem(emblem)
        file.add_string_attribute("sync_state", state)

    # called on every right-click in a Nautilus window
    def get_file_items(self, files):
        paths = [self._local_path(f) for f in files]
        if not paths or any(p is None for p in paths):
            return []
        item = Nautilus.MenuItem(
            name="SyncStatus::copy_share_link",
            label="Copy Share Link",
            tip="Copy a 24 h download link for the selected files",
        )
        item.connect("activate", self._on_copy_link, paths)
        return [item]

    def _on_copy_link(self, _menu, paths):
        s3 = clients.s3_client()
        links = [
            s3.generate_presigned_url(
                "get_object",
                Params={"Bucket": config.BUCKET, "Key": clients.object_key(p)},
                ExpiresIn=86400,
            )
            for p in paths
        ]
        clipboard = Gdk.Display.get_default().get_clipboard()
        clipboard.set_content(Gdk.ContentProvider.new_for_value("\n".join(links)))
        log.info("copied %d share links", len(links))
