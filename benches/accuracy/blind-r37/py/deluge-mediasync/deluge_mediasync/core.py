import logging
import os
from datetime import datetime, timezone

import boto3
import deluge.component as component
import deluge.configmanager
import httpx
from deluge.core.rpcserver import export
from deluge.plugins.pluginbase import CorePluginBase

from . import store

log = logging.getLogger(__name__)

DEFAULT_PREFS = {
    "bucket": "media-ingest",
    "region": "eu-west-1",
    "label_filter": "media",
    "notify_url": "http://catalogue.lan:8000",
}


class Core(CorePluginBase):
    def enable(self):
        self.config = deluge.configmanager.ConfigManager("mediasync.conf", DEFAULT_PREFS)
        self.http = httpx.Client(base_url=self.config["notify_url"], timeout=10.0)
        events = component.get("EventManager")
        events.register_event_handler("TorrentAddedEvent", self.on_torrent_added)
        events.register_event_handler("TorrentFinishedEvent", self.on_torrent_finished)
        log.info("MediaSync enabled, bucket=%s", self.config["bucket"])

    def disable(self):
        events = component.get("EventManager")
        events.deregister_event_handler("TorrentAddedEvent", self.on_torrent_added)
        events.deregister_event_handler("TorrentFinishedEvent", self.on_torrent_finished)
        self.http.close()

    def update(self):
        pass

    def on_torrent_added(self, torrent_id, from_state):
        if from_state:
            return
        torrent = component.get("TorrentManager")[torrent_id]
        status = torrent.get_status(["name", "total_size"])
        torrents = store.torrents_collection()
        torrents.update_one(
            {"_id": torrent_id},
            {"$set": {"name": status["name"], "size": status["total_size"], "state": "downloading",
                      "added_at": datetime.now(timezone.utc)}},
            upsert=True,
        )

    def on_torrent_finished(self, torrent_id):
        torrent = component.get("TorrentManager")[torrent_id]
        status = torrent.get_status(["name", "save_path", "files", "label"])
        if self.config["label_filter"] and status.get("label") != self.config["label_filter"]:
            return
        s3 = boto3.client("s3", region_name=self.config["region"])
        keys = []
        for f in status["files"]:
            local_path = os.path.join(status["save_path"], f["path"])
            key = f"{torrent_id}/{f['path']}"
            s3.upload_file(local_path, self.config["bucket"], key)
            keys.append(key)
        torrents = store.torrents_collection()
        torrents.update_one(
            {"_id": torrent_id},
            {"$set": {"state": "uploaded", "s3_keys": keys, "finished_at": datetime.now(timezone.utc)}},
        )
        try:
            self.http.post("/api/ingest", json={"torrent_id": torrent_id, "keys": keys})
        except httpx.HTTPError:
            log.warning("catalogue notify failed for %s", torrent_id)

    @export
    def set_config(self, config):
        for key, value in config.items():
            self.config[key] = value
        self.config.save()

    @export
    def get_config(self):
        return self.config.config
