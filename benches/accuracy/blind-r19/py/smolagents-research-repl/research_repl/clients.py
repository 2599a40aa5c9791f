"""Client factories; main() calls each of them exactly once."""
import os

import psycopg
from opensearchpy import OpenSearch

OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "https://search.internal:9200")
KB_DSN = os.environ.get("KB_DSN", "postgresql://research@kb-db:5432/kb")


def make_search() -> OpenSearch:
    return OpenSearch(
        hosts=[OPENSEARCH_URL],
        http_auth=(os.environ.get("OPENSEARCH_USER", "research"), os.environ.get("OPENSEARCH_PASSWORD", "")),
        verify_certs=True,
        pool_maxsize=4,
        timeout=20,
    )


def make_kb_connection() -> psycopg.Connection:
    return psycopg.connect(KB_DSN, autocommit=True, application_name="research-repl")
