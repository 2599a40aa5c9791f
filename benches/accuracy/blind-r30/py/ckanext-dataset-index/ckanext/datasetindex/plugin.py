"""CKAN plugin. The plugin object is a SingletonPlugin (one instance per
process); configure() runs once at start-up, the IPackageController hooks run
for every dataset create/update/delete, the blueprint view per request."""
import ckan.plugins as plugins
import ckan.plugins.toolkit as tk
from flask import Blueprint, jsonify

from .clients import ClusterRegistry, get_redis

PREFIX = "ckanext.datasetindex.cluster."


class DatasetIndexPlugin(plugins.SingletonPlugin):
    plugins.implements(plugins.IConfigurable)
    plugins.implements(plugins.IPackageController, inherit=True)
    plugins.implements(plugins.IBlueprint)

    # IConfigurable
    def configure(self, config):
        urls = {k[len(PREFIX):]: v for k, v in config.items() if k.startswith(PREFIX)}
        self.registry = ClusterRegistry(
            urls,
            default_url=config.get("ckanext.datasetindex.default_url", "http://es:9200"),
            api_key=config.get("ckanext.datasetindex.api_key", ""),
        )
        self.redis_url = config.get("ckan.redis.url", "redis://localhost:6379/0")

    # IPackageController
    def after_dataset_create(self, context, pkg_dict):
        self._index(pkg_dict)

    def after_dataset_update(self, context, pkg_dict):
        self._index(pkg_dict)

    def after_dataset_delete(self, context, pkg_dict):
        org = (pkg_dict.get("organization") or {}).get("name", "_none")
        self.registry.for_org(org).delete(index="datasets", id=pkg_dict["id"], ignore=[404])
        get_redis(self.redis_url).hincrby("datasetindex:counts", org, -1)

    def _index(self, pkg_dict):
        org = (pkg_dict.get("organization") or {}).get("name", "_none")
        doc = {
            "name": pkg_dict.get("name"),
            "title": pkg_dict.get("title"),
            "notes": pkg_dict.get("notes"),
            "tags": [t["name"] for t in pkg_dict.get("tags", [])],
            "org": org,
            "modified": pkg_dict.get("metadata_modified"),
        }
        self.registry.for_org(org).index(index="datasets", id=pkg_dict["id"], document=doc)
        get_redis(self.redis_url).hincrby("datasetindex:counts", org, 1)

    # IBlueprint
    def get_blueprint(self):
        bp = Blueprint("datasetindex", self.__module__)

        @bp.route("/api/datasetindex/counts")
        def counts():
            tk.check_access("site_read", {"user": tk.current_user.name if tk.current_user else None})
            return jsonify(get_redis(self.redis_url).hgetall("datasetindex:counts"))

        return bp
