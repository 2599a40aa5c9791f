import json
import os
import time

import httpx
import structlog

from processors import LokiShipper, TenantAuditIndexer


def _add_ns_timestamp(logger, method_name, event_dict):
    event_dict["ts_ns"] = time.time_ns()
    return event_dict


def configure_logging():
    """Called exactly once from main(); returns the resources to close at exit."""
    http = httpx.Client(
        limits=httpx.Limits(max_connections=4, max_keepalive_connections=2),
        headers={"X-Scope-OrgID": os.environ.get("LOKI_TENANT", "billing")},
    )
    audit = TenantAuditIndexer(
        clusters=json.loads(os.environ.get("TENANT_ES_CLUSTERS", "{}")),
        api_key=os.environ.get("ES_API_KEY", ""),
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            _add_ns_timestamp,
            audit,
            LokiShipper(http, os.environ["LOKI_PUSH_URL"], {"app": "invoice-renderer"}),
            structlog.processors.JSONRenderer(),
        ],
        cache_logger_on_first_use=True,
    )
    return http, audit
