"""mitmproxy addon that audits outbound traffic from the build farm.

    mitmdump -s egress_audit.py --set classifier_url=https://dlp.internal/api
"""
import logging
import os

import httpx
from mitmproxy import ctx, http
from pymongo import MongoClient

import store

log = logging.getLogger("egress_audit")


class EgressAudit:
    def __init__(self):
        self.mongo = None
        self.blocklist = set()

    def load(self, loader):
        loader.add_option(
            name="classifier_url",
            typespec=str,
            default="https://dlp.internal.example.com/api",
            help="DLP classifier endpoint",
        )
        loader.add_option(
            name="audit_mongo_url",
            typespec=str,
            default=os.environ.get("AUDIT_MONGO_URL", "mongodb://audit-db.internal:27017/?replicaSet=rs0"),
            help="MongoDB holding the audit trail and the blocklist",
        )

    def running(self):
        self.mongo = MongoClient(ctx.options.audit_mongo_url, appname="egress-audit-blocklist")
        self.blocklist = {doc["host"] for doc in self.mongo["egress"]["blocklist"].find({}, {"host": 1})}
        log.info("loaded %d blocked hosts", len(self.blocklist))

    def request(self, flow: http.HTTPFlow) -> None:
        host = flow.request.pretty_host
        if host in self.blocklist:
            flow.response = http.Response.make(403, b"blocked by egress policy", {"Content-Type": "text/plain"})
        store.record_request(
            flow.id,
            flow.request.method,
            host,
            flow.request.path,
            flow.client_conn.peername[0],
        )

    def response(self, flow: http.HTTPFlow) -> None:
        verdict = "allowed"
        if flow.request.method in ("POST", "PUT") and flow.request.content:
            verdict = self._classify(flow)
        store.attach_response(flow.id, flow.response.status_code, len(flow.response.raw_content or b""), verdict)

    def _classify(self, flow: http.HTTPFlow) -> str:
        dlp = httpx.Client(base_url=ctx.options.classifier_url, timeout=3.0)
        try:
            resp = dlp.post("/classify", content=flow.request.content[:65536])
            return resp.json().get("verdict", "unknown")
        except httpx.HTTPError as exc:
            log.warning("classifier unavailable: %s", exc)
            return "unclassified"

    def done(self):
        if self.mongo is not None:
            self.mongo.close()


addons = [EgressAudit()]
