"""Per-tenant BigQuery clients: each tenant bills queries to its own project."""
import threading

from google.cloud import bigquery

_clients: dict[str, bigquery.Client] = {}
_lock = threading.Lock()


def bigquery_for(project_id: str) -> bigquery.Client:
    client = _clients.get(project_id)
    if client is not None:
        return client
    with _lock:
        client = _clients.get(project_id)
        if client is None:
            client = bigquery.Client(project=project_id)
            _clients[project_id] = client
    return client
