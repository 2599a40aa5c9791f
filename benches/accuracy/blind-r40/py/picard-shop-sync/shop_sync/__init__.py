PLUGIN_NAME = "Record Shop Sync"
PLUGIN_AUTHOR = "Backroom Records"
PLUGIN_DESCRIPTION = (
    "Tags tracks with our shelf location and price code, and pushes a tagged "
    "release into the shop inventory from the album context menu."
)
PLUGIN_VERSION = "0.4.1"
PLUGIN_API_VERSIONS = ["2.9", "2.10", "2.11", "2.12"]
PLUGIN_LICENSE = "GPL-2.0-or-later"
PLUGIN_LICENSE_URL = "https://www.gnu.org/licenses/gpl-2.0.html"

import json
import os

import pymysql
import redis
from picard import log
from picard.album import Album
from picard.metadata import register_track_metadata_processor
from picard.ui.itemviews import BaseAction, register_album_action

SHOP_DB = {
    "host": os.environ.get("SHOP_DB_HOST", "shop-db.lan"),
    "user": os.environ.get("SHOP_DB_USER", "picard"),
    "password": os.environ.get("SHOP_DB_PASSWORD", ""),
    "database": "inventory",
}
SHELF_CACHE_URL = os.environ.get("SHELF_CACHE_URL", "redis://shop-cache.lan:6379/2")


def add_shelf_tags(album, metadata, track, release):
    """Called by Picard for every track of every release it loads."""
    barcode = metadata.get("barcode")
    if not barcode:
        return
    cache = redis.Redis.from_url(SHELF_CACHE_URL, socket_timeout=1)
    raw = cache.get(f"shelf:{barcode}")
    if raw is None:
        return
    entry = json.loads(raw)
    metadata["~shop_shelf"] = entry.get("shelf", "")
    metadata["~shop_price_code"] = entry.get("price_code", "")


class PushToInventory(BaseAction):
    NAME = "Push release to shop inventory"

    def callback(self, objs):
        db = pymysql.connect(**SHOP_DB, cursorclass=pymysql.cursors.DictCursor)
        pushed = 0
        for obj in objs:
            if not isinstance(obj, Album):
                continue
            md = obj.metadata
            with db.cursor() as cur:
                cur.execute(
                    "INSERT INTO releases (mbid, artist, title, barcode, tracks) "
                    "VALUES (%s, %s, %s, %s, %s) "
                    "ON DUPLICATE KEY UPDATE artist = VALUES(artist), title = VALUES(title)",
                    (md["musicbrainz_albumid"], md["albumartist"], md["album"], md["barcode"], len(obj.tracks)),
                )
            pushed += 1
        db.commit()
        log.info("shop_sync: pushed %d release(s) to inventory", pushed)


register_track_metadata_processor(add_shelf_tags)
register_album_action(PushToInventory())
