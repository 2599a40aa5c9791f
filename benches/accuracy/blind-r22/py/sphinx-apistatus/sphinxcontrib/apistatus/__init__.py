"""sphinxcontrib.apistatus

Adds ``.. api-status:: <endpoint>`` which renders the endpoint's live status
and deprecation date. Clients are opened once per build (builder-inited) and
closed when the build finishes (build-finished, which Sphinx emits on both
success and failure).
"""
from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from sphinxcontrib.apistatus.directive import (
    ApiStatusDirective,
    api_status_node,
    depart_api_status_html,
    visit_api_status_html,
)
from sphinxcontrib.apistatus.status import StatusClients

logger = logging.getLogger(__name__)


def _open_clients(app: Sphinx) -> None:
    if not app.config.apistatus_dsn:
        app._apistatus = None
        logger.info("apistatus: no DSN configured, rendering placeholders")
        return
    app._apistatus = StatusClients.open(app.config.apistatus_dsn, app.config.apistatus_health_url)


def _fill_status(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    clients: StatusClients | None = getattr(app, "_apistatus", None)
    for node in doctree.findall(api_status_node):
        endpoint = node["endpoint"]
        if clients is None:
            node.replace_self(nodes.emphasis(text=f"{endpoint}: status unavailable"))
            continue
        info = clients.lookup(endpoint)
        para = nodes.paragraph()
        para += nodes.strong(text=f"{endpoint} ")
        para += nodes.inline(text=info.status, classes=[f"apistatus-{info.status}"])
        if info.deprecated_on:
            para += nodes.inline(text=f" (deprecated on {info.deprecated_on:%Y-%m-%d})")
        node.replace_self(para)


def _close_clients(app: Sphinx, exception: Exception | None) -> None:
    clients: StatusClients | None = getattr(app, "_apistatus", None)
    if clients is not None:
        clients.close()
        app._apistatus = None


def setup(app: Sphinx) -> dict:
    app.add_config_value("apistatus_dsn", "", "env")
    app.add_config_value("apistatus_health_url", "https://status.example.com", "env")
    app.add_node(api_status_node, html=(visit_api_status_html, depart_api_status_html))
    app.add_directive("api-status", ApiStatusDirective)
    app.connect("builder-inited", _open_clients)
    app.connect("doctree-resolved", _fill_status)
    app.connect("build-finished", _close_clients)
    return {"version": "0.4.0", "parallel_read_safe": True, "parallel_write_safe": False}

