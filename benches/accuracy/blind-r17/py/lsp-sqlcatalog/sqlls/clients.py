import os

import requests
from psycopg_pool import ConnectionPool

CATALOG_DSN = os.environ["CATALOG_DSN"]
DOCS_API = os.environ.get("DOCS_API", "https://datadocs.internal.example.com/api/v2")

# One small pool for the whole language-server process.
catalog_pool = ConnectionPool(CATALOG_DSN, min_size=1, max_size=4, open=True)


def make_docs_session() -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {os.environ['DOCS_TOKEN']}"
    session.headers["Accept"] = "application/json"
    return session
