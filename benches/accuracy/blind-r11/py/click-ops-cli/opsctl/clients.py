"""Client factories for opsctl. Each command builds what it needs once per invocation."""
import os
import time

import clickhouse_connect
from clickhouse_connect.driver.client import Client as ClickHouseClient
from clickhouse_connect.driver.exceptions import OperationalError
from opensearchpy import OpenSearch


def make_opensearch(host: str) -> OpenSearch:
    return OpenSearch(
        hosts=[host],
        http_auth=(os.environ.get("OPENSEARCH_USER", "admin"), os.environ["OPENSEARCH_PASSWORD"]),
        use_ssl=host.startswith("https"),
        verify_certs=True,
        timeout=60,
    )


def connect_clickhouse(host: str, attempts: int = 5) -> ClickHouseClient:
    """ClickHouse Cloud services idle to zero; the first connect can take a while."""
    last_exc: Exception | None = None
    for attempt in range(attempts):
        try:
            client = clickhouse_connect.get_client(
                host=host,
                username=os.environ.get("CLICKHOUSE_USER", "default"),
                password=os.environ.get("CLICKHOUSE_PASSWORD", ""),
                secure=True,
                connect_timeout=20,
            )
            break
        except OperationalError as exc:
            last_exc = exc
            time.sleep(5 * (attempt + 1))
    else:
        raise RuntimeError(f"ClickHouse at {host} did not wake up") from last_exc
    return client
