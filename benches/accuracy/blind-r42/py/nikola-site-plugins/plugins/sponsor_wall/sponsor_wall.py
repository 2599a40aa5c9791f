"""Task plugin: dump active sponsors to output/sponsors.json once per build.

``nikola build`` (and each rebuild spawned by ``nikola auto``) is its own
process; the action below runs at most once in it.
"""
import json
import os

import psycopg
from doit.tools import timeout
from nikola import utils
from nikola.plugin_categories import Task


class Plugin(Task):
    name = "render_sponsor_wall"

    def gen_tasks(self):
        kw = {
            "output_folder": self.site.config["OUTPUT_FOLDER"],
            "dsn": self.site.config["SPONSORS_DSN"],
        }
        target = os.path.join(kw["output_folder"], "sponsors.json")
        yield self.group_task()
        yield {
            "basename": self.name,
            "name": target,
            "targets": [target],
            "actions": [(self._write_wall, [kw["dsn"], target])],
            "uptodate": [utils.config_changed({"dsn": kw["dsn"]}, "sponsor_wall"), timeout(3600)],
            "clean": True,
        }

    def _write_wall(self, dsn, target):
        with psycopg.connect(dsn, connect_timeout=10) as conn:
            rows = conn.execute(
                "SELECT name, tier, logo_url, url FROM sponsors WHERE active ORDER BY tier, since"
            ).fetchall()
        sponsors = [{"name": n, "tier": t, "logo": logo, "url": u} for n, t, logo, u in rows]
        utils.makedirs(os.path.dirname(target))
        with open(target, "w", encoding="utf-8") as fh:
            json.dump({"sponsors": sponsors}, fh, indent=2)
