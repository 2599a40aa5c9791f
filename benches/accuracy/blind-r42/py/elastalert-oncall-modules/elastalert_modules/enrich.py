import ipaddress

import requests
from elastalert.enhancements import BaseEnhancement
from elastalert.util import lookup_es_key
from pymongo import MongoClient

# shared for the life of the elastalert process
_geo = requests.Session()
_geo.headers["User-Agent"] = "elastalert-enrich/1.3"


class AssetOwnerEnhancement(BaseEnhancement):
    """Adds the owning team/person of the host to every match (called once per match)."""

    def process(self, match):
        host = lookup_es_key(match, "host.name") or lookup_es_key(match, "host.hostname")
        if not host:
            return
        client = MongoClient(self.rule["asset_mongo_uri"], serverSelectionTimeoutMS=3000)
        try:
            asset = client.get_default_database()["assets"].find_one({"hostname": host}, {"owner": 1, "team": 1})
        finally:
            client.close()
        if asset:
            match["asset_owner"] = asset.get("owner")
            match["asset_team"] = asset.get("team")


class GeoTagEnhancement(BaseEnhancement):
    def process(self, match):
        ip = lookup_es_key(match, "source.ip")
        if not ip or ipaddress.ip_address(ip).is_private:
            return
        resp = _geo.get(f"https://ipinfo.internal/{ip}/json", timeout=3)
        if resp.ok:
            info = resp.json()
            match["source_country"] = info.get("country")
            match["source_org"] = info.get("org")
