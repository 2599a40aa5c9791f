"""Warehouse inventory UI served by Lona.

The App object lives in its own module so that every view module can
register its routes with ``@app.route`` without a circular import.
"""
import logging
import os

from lona import App, View
from lona.html import H1, HTML, P

logger = logging.getLogger("inventory.app")

app = App(__file__)

app.settings.MAX_WORKERS = int(os.environ.get("LONA_WORKERS", "8"))
app.settings.INITIAL_SERVER_STATE = {"started_by": "inventory-ui"}

ALLOWED_NETS = tuple(os.environ.get("SCANNER_NETS", "10.20.").split(","))


@app.middleware
class ScannerNetworkMiddleware:
    """Only the warehouse VLAN may reach the scanner API."""

    def handle_request(self, data):
        request = data.request
        if not request.url.path.startswith("/api/"):
            return data
        peer = request.http_request.remote or ""
        if not peer.startswith(ALLOWED_NETS):
            logger.warning("rejected scanner call from %s", peer)
            return {"text": "forbidden", "status": 403}
        return data


@app.route("/healthz", interactive=False)
class HealthView(View):
    def handle_request(self, request):
        return HTML(H1("ok"), P("inventory-ui"))
