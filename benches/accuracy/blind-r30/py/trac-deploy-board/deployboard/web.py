"""Trac plugin: /deploys page listing recent deploys from the release DB,
enriched with CI status.

Trac instantiates each Component ONCE per Environment (components are
singletons held by the ComponentManager), so __init__ runs once per project,
not per request; process_request runs per request."""
import pkg_resources
import requests
from psycopg.rows import namedtuple_row
from psycopg_pool import ConnectionPool
from trac.config import Option
from trac.core import Component, implements
from trac.web.api import IRequestHandler
from trac.web.chrome import INavigationContributor, ITemplateProvider, add_stylesheet
from trac.util.html import tag


class DeployBoard(Component):
    implements(IRequestHandler, ITemplateProvider, INavigationContributor)

    dsn = Option("deployboard", "dsn", "postgresql://trac:trac@release-db/releases",
                 doc="Connection string of the release database.")
    ci_url = Option("deployboard", "ci_url", "https://ci.example.com/api",
                    doc="Base URL of the CI API.")

    def __init__(self):
        self._pool = ConnectionPool(self.dsn, min_size=1, max_size=4,
                                    kwargs={"row_factory": namedtuple_row})
        self._ci = requests.Session()
        self._ci.headers["Accept"] = "application/json"

    # INavigationContributor
    def get_active_navigation_item(self, req):
        return "deploys"

    def get_navigation_items(self, req):
        yield "mainnav", "deploys", tag.a("Deploys", href=req.href.deploys())

    # IRequestHandler
    def match_request(self, req):
        return req.path_info.rstrip("/") == "/deploys"

    def process_request(self, req):
        req.perm.require("CHANGESET_VIEW")
        limit = int(req.args.get("limit", 50))
        with self._pool.connection() as conn:
            deploys = conn.execute(
                "SELECT service, version, status, pipeline_id FROM deploys "
                "ORDER BY started_at DESC LIMIT %s",
                (limit,),
            ).fetchall()
        rows = []
        for d in deploys:
            resp = self._ci.get(f"{self.ci_url}/pipelines/{d.pipeline_id}", timeout=3)
            ci_state = resp.json().get("status") if resp.ok else "unknown"
            rows.append({"service": d.service, "version": d.version,
                         "status": d.status, "ci_state": ci_state})
        add_stylesheet(req, "common/css/report.css")
        return "deployboard.html", {"deploys": rows}, None

    # ITemplateProvider
    def get_htdocs_dirs(self):
        return []

    def get_templates_dirs(self):
        return [pkg_resources.resource_filename("deployboard", "templates")]
