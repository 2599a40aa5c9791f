"""Client construction for the maintenance tasks. Every task runs once per `inv` invocation."""
import logging
import os
import time

import psycopg
from opensearchpy import OpenSearch

log = logging.getLogger("maint")


def open_search() -> OpenSearch:
    return OpenSearch(
        hosts=[os.environ.get("OPENSEARCH_URL", "https://search.internal:9200")],
        http_auth=(os.environ.get("OS_USER", "admin"), os.environ.get("OS_PASSWORD", "")),
        timeout=60,
    )


def open_db(retries: int = 5) -> psycopg.Connection:
    last_exc = None
    for attempt in range(retries):
        try:
            return psycopg.connect(os.environ["CATALOG_DSN"], connect_timeout=5)
        except psycopg.OperationalError as exc:
            last_exc = exc
            log.warning("catalog db not ready, retrying (%d/%d)", attempt + 1, retries)
            time.sleep(3)
    raise RuntimeError("catalog database unreachable") from last_exc
